package cnn;

import static cnn.Expect.in;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Public tests of Step 4 — Full connection: the lecture's pipeline (with illustrative weights: the slides give none)
 * and a few small cases. The hidden tests used for grading check more (other sizes, every bad-argument rule).
 */
@DisplayName("Step 4 — Full connection")
class FullConnectionTest {
    @Nested
    @DisplayName("the lecture's pipeline (illustrative weights, not from the slides)")
    class Lecture {
        @Test
        @DisplayName("the flattened vector gives the scores Dog 1.9, Cat 0.9")
        void lectureScores() {
            double[] x = LectureData.flattened();
            double[][] w = LectureData.denseWeights();
            double[] b = LectureData.denseBias();
            Expect.vector(
                    "the dense layer on the lecture's flattened vector",
                    LectureData.denseScores(),
                    FullConnection.forward(x, w, b),
                    in("input", x),
                    in("weights", w),
                    in("bias", b));
        }
    }

    @Nested
    @DisplayName("small cases")
    class Small {
        @Test
        @DisplayName("weights[output][input]: 3 outputs from 2 inputs")
        void threeFromTwo() {
            double[] x = {1, 2};
            double[][] w = {{1, 0}, {0, 1}, {1, 1}};
            double[] b = {0, 1, -1};
            Expect.vector(
                    "forward(input, weights, bias)",
                    new double[] {1, 3, 2},
                    FullConnection.forward(x, w, b),
                    in("input", x),
                    in("weights", w),
                    in("bias", b));
        }

        @Test
        @DisplayName("weights[output][input], not [input][output]: 2 outputs from 2 inputs")
        void squareWeights() {
            double[] x = {1, 2};
            double[][] w = {{1, 2}, {3, 4}};
            double[] b = {0, 0};
            Expect.vector(
                    "forward of 2 inputs through a 2x2 weight matrix",
                    new double[] {5, 11},
                    FullConnection.forward(x, w, b),
                    in("input", x),
                    in("weights", w),
                    in("bias", b));
        }

        @Test
        @DisplayName("the bias is not changed")
        void biasUnchanged() {
            double[] b = {0.5, -0.5};
            FullConnection.forward(new double[] {1, 2}, new double[][] {{1, 0}, {0, 1}}, b);
            Expect.vector("the bias passed to FullConnection.forward must stay as it was", new double[] {0.5, -0.5}, b);
        }

        @Test
        @DisplayName("a bias of the wrong length is rejected")
        void biasMismatch() {
            Expect.rejects(
                    "forward with 2 outputs but 1 bias must throw IllegalArgumentException",
                    () -> FullConnection.forward(
                            new double[] {1, 2}, new double[][] {{1, 0}, {0, 1}}, new double[] {0}));
        }

        @Test
        @DisplayName("a null input, ragged weights and weights with one column too many are rejected")
        void otherBadArgumentsRejected() {
            double[][] w = {{1, 0}, {0, 1}};
            double[] b = {0, 0};
            Expect.rejects(
                    "forward(null input, weights, bias) must throw IllegalArgumentException",
                    () -> FullConnection.forward(null, w, b));
            Expect.rejects(
                    "forward with ragged weights (rows of 2 and 1 values) must throw IllegalArgumentException",
                    () -> FullConnection.forward(new double[] {1, 2}, new double[][] {{1, 0}, {1}}, b));
            Expect.rejects(
                    "forward of 2 inputs through weights of 3 columns must throw IllegalArgumentException",
                    () -> FullConnection.forward(new double[] {1, 2}, new double[][] {{1, 0, 0}, {0, 1, 0}}, b));
        }
    }
}
