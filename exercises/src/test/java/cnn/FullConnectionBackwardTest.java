package cnn;

import static cnn.Expect.in;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Public tests of Part 2, Step 4 — the full connection's backward pass: {@code Wᵀg} for the input, {@code g ⊗ x}
 * for the weights, {@code g} for the bias.
 */
@DisplayName("Part 2, Step 4 — Full connection backward")
class FullConnectionBackwardTest {
    /** 2 outputs, 3 inputs: {@code weights[output][input]}. */
    private static final double[][] WEIGHTS = {{1, 2, 3}, {4, 5, 6}};

    private static final double[] INPUT = {1, -1, 2};
    private static final double[] GRADIENT = {10, -1};

    @Nested
    @DisplayName("hand-worked cases")
    class HandWorked {
        @Test
        @DisplayName("the input gradient is the transposed weights times g: one value per input")
        void inputGradient() {
            // Input 0 fed output 0 with weight 1 and output 1 with weight 4: 10·1 + (−1)·4 = 6.
            Expect.vector(
                    "FullConnection.inputGradient(2x3 weights, g)",
                    new double[] {6, 15, 24},
                    FullConnection.inputGradient(WEIGHTS, GRADIENT),
                    in("weights", WEIGHTS),
                    in("outputGradient", GRADIENT));
        }

        @Test
        @DisplayName("the weight gradient is g[o] · input[i], one row per output like the weights")
        void weightGradient() {
            Expect.matrix(
                    "FullConnection.weightGradient(input, g)",
                    new double[][] {{10, -10, 20}, {-1, 1, -2}},
                    FullConnection.weightGradient(INPUT, GRADIENT),
                    in("input", INPUT),
                    in("outputGradient", GRADIENT));
        }

        @Test
        @DisplayName("the bias gradient is g itself")
        void biasGradient() {
            Expect.vector(
                    "FullConnection.biasGradient(g)",
                    GRADIENT,
                    FullConnection.biasGradient(GRADIENT),
                    in("outputGradient", GRADIENT));
        }
    }

    @Nested
    @DisplayName("gradient checks against your forward pass")
    class Checks {
        @Test
        @DisplayName("the lecture's dense layer, with the cross-entropy's y − t for \"dog\" as g")
        void lectureLayer() {
            double[] x = LectureData.flattened();
            double[][] w = LectureData.denseWeights();
            double[] b = LectureData.denseBias();
            double[] g = CrossEntropy.gradient(LectureData.denseScores(), new double[] {1, 0});
            Expect.gradientsAgree(
                    "inputGradient vs. central differences of forward",
                    GradientCheck.compare(
                            FullConnection.inputGradient(w, g),
                            GradientCheck.numericalGradient(
                                    v -> GradientCheck.dot(g, FullConnection.forward(v, w, b)), x)),
                    in("outputGradient", g));
            Expect.gradientsAgree(
                    "weightGradient vs. central differences of forward",
                    GradientCheck.compare(
                            FullConnection.weightGradient(x, g),
                            GradientCheck.numericalGradient(
                                    m -> GradientCheck.dot(g, FullConnection.forward(x, m, b)), w)),
                    in("outputGradient", g));
            Expect.gradientsAgree(
                    "biasGradient vs. central differences of forward",
                    GradientCheck.compare(
                            FullConnection.biasGradient(g),
                            GradientCheck.numericalGradient(
                                    v -> GradientCheck.dot(g, FullConnection.forward(x, w, v)), b)),
                    in("outputGradient", g));
        }
    }

    @Nested
    @DisplayName("bad arguments")
    class Bad {
        @Test
        @DisplayName("a gradient whose length is not the number of outputs is rejected, with the sizes in the message")
        void wrongLength() {
            Expect.rejects(
                    "FullConnection.inputGradient(2x3 weights, 3 gradients) must throw IllegalArgumentException",
                    () -> FullConnection.inputGradient(WEIGHTS, new double[3]),
                    "3",
                    "2");
        }
    }
}
