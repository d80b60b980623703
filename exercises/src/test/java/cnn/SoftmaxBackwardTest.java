package cnn;

import static cnn.Expect.in;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Public tests of Part 2, Extra 1 — softmax's backward pass, the vector-Jacobian product {@code y ⊙ (g − g·y)}.
 */
@DisplayName("Part 2, Extra 1 — Softmax backward")
class SoftmaxBackwardTest {
    @Nested
    @DisplayName("hand-worked cases")
    class HandWorked {
        @Test
        @DisplayName("equal scores: y = (0.5, 0.5), g = (1, 0), g·y = 0.5, so (0.5·0.5, 0.5·(−0.5))")
        void equalScores() {
            double[] scores = {0, 0};
            double[] g = {1, 0};
            Expect.vector(
                    "Softmax.backward({0, 0}, {1, 0})",
                    new double[] {0.25, -0.25},
                    Softmax.backward(scores, g),
                    in("scores", scores),
                    in("outputGradient", g));
        }

        @Test
        @DisplayName("huge scores are as stable as in the forward pass: no NaN")
        void hugeScores() {
            double[] scores = {1000, 1000};
            double[] g = {1, 0};
            Expect.vector(
                    "Softmax.backward({1000, 1000}, {1, 0})",
                    new double[] {0.25, -0.25},
                    Softmax.backward(scores, g),
                    in("scores", scores),
                    in("outputGradient", g));
        }

        @Test
        @DisplayName("through cross-entropy's −t/y, it gives the lecture's y − t")
        void chainGivesYMinusT() {
            double[] scores = LectureData.denseScores();
            double[] y = Softmax.apply(scores);
            double[] t = {1, 0};
            double[] dLossDy = {-t[0] / y[0], -t[1] / y[1]};
            Expect.vector(
                    "Softmax.backward(the lecture's scores, −t/y) = y − t",
                    CrossEntropy.gradient(scores, t),
                    Softmax.backward(scores, dLossDy),
                    in("scores", scores),
                    in("outputGradient", dLossDy));
        }
    }

    @Nested
    @DisplayName("gradient check against your forward pass")
    class Checks {
        @Test
        @DisplayName("four scores and a gradient with mixed signs")
        void mixed() {
            double[] scores = {0.5, -1.25, 2, 0.1};
            double[] g = {1.5, -0.3, 0.8, -2};
            Expect.gradientsAgree(
                    "Softmax.backward vs. central differences of Softmax.apply",
                    GradientCheck.compare(
                            Softmax.backward(scores, g),
                            GradientCheck.numericalGradient(z -> GradientCheck.dot(g, Softmax.apply(z)), scores)),
                    in("scores", scores),
                    in("outputGradient", g));
        }
    }

    @Nested
    @DisplayName("bad arguments")
    class Bad {
        @Test
        @DisplayName("a gradient of another length than the scores is rejected, with the sizes in the message")
        void lengthsDiffer() {
            Expect.rejects(
                    "Softmax.backward(2 scores, 3 gradients) must throw IllegalArgumentException",
                    () -> Softmax.backward(new double[2], new double[3]),
                    "2",
                    "3");
        }
    }
}
