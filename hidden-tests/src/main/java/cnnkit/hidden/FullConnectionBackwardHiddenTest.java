package cnnkit.hidden;

import cnn.FullConnection;
import cnnkit.hidden.support.BackwardOracle;
import cnnkit.hidden.support.BackwardWrongOracles;
import cnnkit.hidden.support.CheckFailure;
import cnnkit.hidden.support.Expect;
import cnnkit.hidden.support.Gen;
import cnnkit.hidden.support.HiddenProperty;
import cnnkit.hidden.support.Numeric;
import cnnkit.hidden.support.Oracle;
import cnnkit.hidden.support.Student;
import cnnkit.lecture.LectureData;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks of Back 4, the full connection's backward pass: {@code Wᵀg} for the input, the outer product
 * {@code g ⊗ x} ({@code [output][input]}, like the weights) for the weights, and {@code g} itself, as a new array,
 * for the bias.
 */
@DisplayName("Back 4 — Full connection backward")
class FullConnectionBackwardHiddenTest {
    private static final double[][] WEIGHTS_2X3 = {{1, -2, 0.5}, {3, 0, -1}};

    private static void expectGradients(double[] x, double[][] weights, double[] g) {
        Expect.given("weights", weights, "outputGradient", g)
                .expecting(BackwardOracle.inputGradient(weights, g))
                .check(() -> FullConnection.inputGradient(weights, g));
        Expect.given("input", x, "outputGradient", g)
                .expecting(BackwardOracle.weightGradient(x, g), BackwardWrongOracles.weightGradient(x, g))
                .check(() -> FullConnection.weightGradient(x, g));
        Expect.given("outputGradient", g).expecting(g.clone()).check(() -> FullConnection.biasGradient(g));
    }

    @Nested
    @DisplayName("fixed vectors")
    class FixedVectors {
        @Test
        @DisplayName("the lecture's dense layer on its flattened vector, with the y − t gradient of its scores")
        void lectureExample() {
            double[] scores = LectureData.denseScores();
            double[] g = Oracle.gradient(scores, Gen.oneHot(scores.length, 0));
            expectGradients(LectureData.flattened(), LectureData.denseWeights(), g);
        }

        @Test
        @DisplayName("2 outputs from 3 inputs: the input gradient has 3 values, the weight gradient is 2x3")
        void twoOutputsThreeInputs() {
            double[] x = {2, -1, 4};
            double[] g = {0.5, -2};
            Expect.given("weights", WEIGHTS_2X3, "outputGradient", g)
                    .expecting(new double[] {-5.5, -1, 2.25})
                    .check(() -> FullConnection.inputGradient(WEIGHTS_2X3, g));
            Expect.given("input", x, "outputGradient", g)
                    .expecting(new double[][] {{1, -0.5, 2}, {-4, 2, -8}}, BackwardWrongOracles.weightGradient(x, g))
                    .check(() -> FullConnection.weightGradient(x, g));
        }

        @Test
        @DisplayName("one input, four outputs: the weight gradient is 4x1 ([output][input])")
        void oneInputFourOutputs() {
            expectGradients(new double[] {3}, new double[][] {{1}, {2}, {-1}, {0}}, new double[] {1, -1, 2, 0.5});
        }

        @Test
        @DisplayName("the bias gradient is a new array: changing it leaves the output gradient as it was")
        void biasGradientIsANewArray() {
            double[] g = {1, 2, 3};
            double[] got = Student.call(() -> FullConnection.biasGradient(g));
            if (got == g) {
                throw new CheckFailure(
                        "your biasGradient returned the outputGradient array itself: return a new array (a copy)",
                        "outputGradient = [1, 2, 3]",
                        "a new array [1, 2, 3]",
                        "the same array",
                        null);
            }
            Expect.given("outputGradient", g).expecting(new double[] {1, 2, 3}).check(() -> got);
        }
    }

    @HiddenProperty
    @Label("on random layers the three gradients are the slopes of your full connection and of the right one")
    void gradientsAreTheSlopesOfTheLayer(
            @ForAll @IntRange(min = 1, max = 6) int inputs,
            @ForAll @IntRange(min = 1, max = 5) int outputs,
            @ForAll long seed) {
        double[] x = Gen.seeded(seed, 1, inputs)[0];
        double[][] w = Gen.seeded(seed + 1, outputs, inputs);
        double[] b = Gen.seeded(seed + 2, 1, outputs)[0];
        double[] g = Gen.seeded(seed + 3, 1, outputs)[0];
        Expect.given("weights", w, "outputGradient", g)
                .expecting(Numeric.gradient(v -> Student.call(() -> FullConnection.forward(v, w, b)), x, g, 1))
                .check(() -> FullConnection.inputGradient(w, g));
        Expect.given("input", x, "outputGradient", g)
                .expecting(
                        Numeric.gradient(v -> Student.call(() -> FullConnection.forward(x, v, b)), w, g, 1),
                        BackwardWrongOracles.weightGradient(x, g))
                .check(() -> FullConnection.weightGradient(x, g));
        Expect.given("input", x, "outputGradient", g)
                .expecting(
                        Numeric.gradient(v -> Oracle.forward(x, v, b), w, g, 1),
                        BackwardWrongOracles.weightGradient(x, g))
                .check(() -> FullConnection.weightGradient(x, g));
        Expect.given("outputGradient", g)
                .expecting(Numeric.gradient(v -> Oracle.forward(x, w, v), b, g, 1))
                .check(() -> FullConnection.biasGradient(g));
    }

    @Nested
    @DisplayName("bad arguments")
    class BadArguments {
        @Test
        @DisplayName("an output gradient with another length than the weights' rows is rejected")
        void rejectsGradientOfAnotherLength() {
            double[] g = {1, 2, 3};
            Expect.given("weights", WEIGHTS_2X3, "outputGradient", g)
                    .rejects(
                            "2 rows of weights but 3 gradient values",
                            () -> FullConnection.inputGradient(WEIGHTS_2X3, g));
        }

        @Test
        @DisplayName("null, empty or ragged arguments are rejected with IllegalArgumentException")
        void rejectsNullEmptyRagged() {
            double[] g = {1, 2};
            double[][] ragged = {{1, 2}, {3}};
            Expect.given("weights", null).rejects("the weights are null", () -> FullConnection.inputGradient(null, g));
            Expect.given("weights", ragged)
                    .rejects("the weights are ragged", () -> FullConnection.inputGradient(ragged, g));
            Expect.given("outputGradient", null)
                    .rejects("the gradient is null", () -> FullConnection.inputGradient(WEIGHTS_2X3, null));
            Expect.given("input", null).rejects("the input is null", () -> FullConnection.weightGradient(null, g));
            Expect.given("input", new double[0])
                    .rejects("the input is empty", () -> FullConnection.weightGradient(new double[0], g));
            Expect.given("outputGradient", new double[0])
                    .rejects("the gradient is empty", () -> FullConnection.weightGradient(g, new double[0]));
            Expect.given("outputGradient", null)
                    .rejects("the gradient is null", () -> FullConnection.biasGradient(null));
            Expect.given("outputGradient", new double[0])
                    .rejects("the gradient is empty", () -> FullConnection.biasGradient(new double[0]));
        }

        @Test
        @DisplayName("the weights, input and gradient are left unchanged")
        void leavesInputsUnchanged() {
            double[] x = {2, -1, 4};
            double[] g = {0.5, -2};
            Expect.given("weights", WEIGHTS_2X3, "outputGradient", g)
                    .leavesInputsUnchanged(null, () -> FullConnection.inputGradient(WEIGHTS_2X3, g));
            Expect.given("input", x, "outputGradient", g)
                    .leavesInputsUnchanged(null, () -> FullConnection.weightGradient(x, g));
            Expect.given("outputGradient", g).leavesInputsUnchanged(null, () -> {
                double[] out = FullConnection.biasGradient(g);
                return out;
            });
        }
    }
}
