package cnn;

import static cnn.ReferenceFixtures.EPS;
import static cnn.ReferenceFixtures.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Step 4 — Full connection (reference)")
class FullConnectionReferenceTest {
    @Nested
    @DisplayName("the lecture's pipeline (illustrative weights, not from the slides)")
    class Lecture {
        @Test
        @DisplayName("the flattened vector through the 2x9 dense layer gives the Dog/Cat scores 1.9, 0.9")
        void lectureScores() {
            assertThat(FullConnection.forward(
                            LectureData.flattened(), LectureData.denseWeights(), LectureData.denseBias()))
                    .containsExactly(LectureData.denseScores(), within(EPS));
        }
    }

    @Nested
    @DisplayName("hand-worked small cases")
    class HandWorked {
        @Test
        @DisplayName("weights[output][input]: 3 outputs from 2 inputs, [1,2] gives [1,3,2] with bias [0,1,-1]")
        void threeFromTwo() {
            assertThat(FullConnection.forward(
                            new double[] {1, 2}, new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {0, 1, -1}))
                    .containsExactly(1, 3, 2);
        }

        @Test
        @DisplayName("one output neuron is a dot product plus bias")
        void oneOutput() {
            assertThat(FullConnection.forward(
                            new double[] {0.5, -2, 4}, new double[][] {{2, 3, 0.25}}, new double[] {10}))
                    .containsExactly(1 - 6 + 1 + 10);
        }

        @Test
        @DisplayName("does not change its inputs")
        void inputsUnchanged() {
            double[] x = LectureData.flattened();
            double[][] w = LectureData.denseWeights();
            double[] b = LectureData.denseBias();
            FullConnection.forward(x, w, b);
            assertThat(x).containsExactly(LectureData.flattened());
            assertThat(w).isDeepEqualTo(LectureData.denseWeights());
            assertThat(b).containsExactly(LectureData.denseBias());
        }
    }

    @Nested
    @DisplayName("bad arguments are rejected with a message naming the problem")
    class BadArguments {
        private final double[] x = {1, 2};
        private final double[][] w = {{1, 0}, {0, 1}};
        private final double[] b = {0, 0};

        @Test
        @DisplayName("null or empty parts, ragged weights, sizes that do not match")
        void bad() {
            rejects(() -> FullConnection.forward(null, w, b), "input", "null");
            rejects(() -> FullConnection.forward(new double[0], w, b), "input", "empty");
            rejects(() -> FullConnection.forward(x, null, b), "weights", "null");
            rejects(() -> FullConnection.forward(x, new double[][] {{1, 0}, {1}}, b), "weights", "ragged");
            rejects(() -> FullConnection.forward(x, w, null), "bias", "null");
            rejects(() -> FullConnection.forward(new double[] {1, 2, 3}, w, b), "columns", "2", "3");
            rejects(() -> FullConnection.forward(x, w, new double[] {0}), "bias", "1", "2");
        }
    }
}
