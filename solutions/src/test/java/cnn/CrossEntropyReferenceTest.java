package cnn;

import static cnn.ReferenceFixtures.EPS;
import static cnn.ReferenceFixtures.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnkit.lecture.LectureData;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Extra 2 — Cross-entropy (reference)")
class CrossEntropyReferenceTest {
    @Nested
    @DisplayName("the lecture's examples")
    class Lecture {
        @Test
        @DisplayName("NN1 row #3 (Dog 0.4, Cat 0.6, a dog): −ln 0.4 = 0.916")
        void nn1RowThree() {
            assertThat(CrossEntropy.loss(new double[] {0.4, 0.6}, new double[] {1, 0}))
                    .isCloseTo(0.916290731874155, within(EPS));
        }

        @Test
        @DisplayName("the pipeline's softmax output for a dog: loss 0.313, gradient y − t = (−0.269, 0.269)")
        void pipelineExample() {
            Map<String, Double> ex = LectureData.crossEntropyExample();
            double[] t = {ex.get("target_dog"), ex.get("target_cat")};
            assertThat(CrossEntropy.loss(LectureData.probabilities(), t)).isCloseTo(ex.get("loss"), within(EPS));
            assertThat(CrossEntropy.gradient(LectureData.denseScores(), t))
                    .containsExactly(new double[] {ex.get("gradient_dog"), ex.get("gradient_cat")}, within(EPS));
        }
    }

    @Nested
    @DisplayName("loss: hand-worked small cases")
    class Loss {
        @Test
        @DisplayName("a sure and right prediction costs 0 (0 · ln 0 counts as 0, not NaN)")
        void sureAndRight() {
            assertThat(CrossEntropy.loss(new double[] {1, 0}, new double[] {1, 0}))
                    .isZero();
            assertThat(CrossEntropy.loss(new double[] {0, 1, 0}, new double[] {0, 1, 0}))
                    .isEqualTo(0.0);
        }

        @Test
        @DisplayName("a sure and wrong prediction costs +∞")
        void sureAndWrong() {
            assertThat(CrossEntropy.loss(new double[] {0, 1}, new double[] {1, 0}))
                    .isEqualTo(Double.POSITIVE_INFINITY);
        }

        @Test
        @DisplayName("natural log: p = 1/e for the true class costs exactly 1; soft targets weigh each class")
        void naturalLogAndSoftTargets() {
            assertThat(CrossEntropy.loss(new double[] {1 / Math.E, 1 - 1 / Math.E}, new double[] {1, 0}))
                    .isCloseTo(1, within(EPS));
            assertThat(CrossEntropy.loss(new double[] {0.5, 0.25, 0.25}, new double[] {0.5, 0.5, 0}))
                    .isCloseTo(0.5 * Math.log(2) + 0.5 * Math.log(4), within(EPS));
        }

        @Test
        @DisplayName("does not change its inputs")
        void inputsUnchanged() {
            double[] p = {0.2, 0.8};
            double[] t = {0, 1};
            CrossEntropy.loss(p, t);
            CrossEntropy.gradient(p, t);
            assertThat(p).containsExactly(0.2, 0.8);
            assertThat(t).containsExactly(0, 1);
        }
    }

    @Nested
    @DisplayName("gradient: y − t")
    class Gradient {
        @Test
        @DisplayName("equal scores, target the first of two classes: (0.5 − 1, 0.5 − 0)")
        void equalScores() {
            assertThat(CrossEntropy.gradient(new double[] {0, 0}, new double[] {1, 0}))
                    .containsExactly(-0.5, 0.5);
        }

        @Test
        @DisplayName("three classes: softmax(0, ln 2, ln 5) = (1/8, 2/8, 5/8) minus target (0, 0, 1)")
        void threeClasses() {
            assertThat(CrossEntropy.gradient(new double[] {0, Math.log(2), Math.log(5)}, new double[] {0, 0, 1}))
                    .containsExactly(new double[] {0.125, 0.25, -0.375}, within(EPS));
        }

        @Test
        @DisplayName("huge scores stay finite: (1000, 0) for a cat gives (1, −1)")
        void hugeScores() {
            assertThat(CrossEntropy.gradient(new double[] {1000, 0}, new double[] {0, 1}))
                    .containsExactly(new double[] {1, -1}, within(EPS));
        }
    }

    @Nested
    @DisplayName("bad arguments are rejected with a message naming the problem")
    class BadArguments {
        @Test
        @DisplayName("loss: null, empty, lengths that differ, NaN or values outside [0, 1]")
        void badLoss() {
            double[] t = {1, 0};
            rejects(() -> CrossEntropy.loss(null, t), "predicted", "null");
            rejects(() -> CrossEntropy.loss(new double[] {0.5, 0.5}, null), "actual", "null");
            rejects(() -> CrossEntropy.loss(new double[0], new double[0]), "predicted", "empty");
            rejects(() -> CrossEntropy.loss(new double[] {1}, t), "predicted", "1", "actual", "2");
            rejects(() -> CrossEntropy.loss(new double[] {Double.NaN, 0.5}, t), "predicted[0]", "NaN");
            rejects(() -> CrossEntropy.loss(new double[] {1.5, -0.5}, t), "predicted[0]", "1.5");
            rejects(() -> CrossEntropy.loss(new double[] {0.5, 0.5}, new double[] {2, -1}), "actual[0]", "2.0");
        }

        @Test
        @DisplayName("gradient: null, empty, lengths that differ, infinite or NaN scores, NaN targets")
        void badGradient() {
            double[] t = {1, 0};
            rejects(() -> CrossEntropy.gradient(null, t), "scores", "null");
            rejects(() -> CrossEntropy.gradient(new double[] {0, 0}, null), "actual", "null");
            rejects(() -> CrossEntropy.gradient(new double[] {0, 0, 0}, t), "scores", "3", "actual", "2");
            rejects(() -> CrossEntropy.gradient(new double[] {0, Double.POSITIVE_INFINITY}, t), "scores[1]", "finite");
            rejects(() -> CrossEntropy.gradient(new double[] {Double.NaN, 0}, t), "scores[0]", "NaN");
            rejects(() -> CrossEntropy.gradient(new double[] {0, 0}, new double[] {Double.NaN, 1}), "actual[0]", "NaN");
        }
    }
}
