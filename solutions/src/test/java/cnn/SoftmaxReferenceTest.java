package cnn;

import static cnn.ReferenceFixtures.EPS;
import static cnn.ReferenceFixtures.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Extra 1 — Softmax (reference)")
class SoftmaxReferenceTest {
    @Nested
    @DisplayName("the lecture's pipeline")
    class Lecture {
        @Test
        @DisplayName("the Dog/Cat scores 1.9, 0.9 become the probabilities 0.731, 0.269")
        void lectureProbabilities() {
            assertThat(Softmax.apply(LectureData.denseScores()))
                    .containsExactly(LectureData.probabilities(), within(EPS));
        }
    }

    @Nested
    @DisplayName("hand-worked small cases")
    class HandWorked {
        @Test
        @DisplayName("equal scores share the probability equally; one score gets probability 1")
        void equalScores() {
            assertThat(Softmax.apply(new double[] {3, 3, 3, 3})).containsOnly(0.25);
            assertThat(Softmax.apply(new double[] {-7})).containsExactly(1);
        }

        @Test
        @DisplayName("scores 0 and ln 3 give 1/4 and 3/4")
        void lnThree() {
            assertThat(Softmax.apply(new double[] {0, Math.log(3)}))
                    .containsExactly(new double[] {0.25, 0.75}, within(EPS));
        }

        @Test
        @DisplayName("huge scores 1000, 999, -1000 do not overflow: 1/(1+e^-1), e^-1/(1+e^-1), ~0")
        void hugeScores() {
            double[] p = Softmax.apply(new double[] {1000, 999, -1000});
            double e = Math.exp(-1);
            assertThat(p).containsExactly(new double[] {1 / (1 + e), e / (1 + e), 0}, within(EPS));
            assertThat(p).doesNotContain(Double.NaN);
        }

        @Test
        @DisplayName("very negative scores -1000, -1000 do not underflow to 0/0: 0.5 each")
        void veryNegativeScores() {
            assertThat(Softmax.apply(new double[] {-1000, -1000})).containsExactly(0.5, 0.5);
            assertThat(Softmax.apply(new double[] {-1000, -1001}))
                    .containsExactly(
                            new double[] {1 / (1 + Math.exp(-1)), Math.exp(-1) / (1 + Math.exp(-1))}, within(EPS));
        }

        @Test
        @DisplayName("does not change its input")
        void inputUnchanged() {
            double[] scores = {1, 2, 3};
            Softmax.apply(scores);
            assertThat(scores).containsExactly(1, 2, 3);
        }
    }

    @Nested
    @DisplayName("bad arguments are rejected with a message naming the problem")
    class BadArguments {
        @Test
        @DisplayName("null, empty, NaN or infinite scores")
        void bad() {
            rejects(() -> Softmax.apply(null), "scores", "null");
            rejects(() -> Softmax.apply(new double[0]), "scores", "empty");
            rejects(() -> Softmax.apply(new double[] {1, Double.NaN}), "scores[1]", "NaN");
            rejects(() -> Softmax.apply(new double[] {Double.POSITIVE_INFINITY}), "scores[0]", "Infinity");
            rejects(() -> Softmax.apply(new double[] {0, Double.NEGATIVE_INFINITY}), "scores[1]", "-Infinity");
        }
    }
}
