package cnnkit.hidden;

import cnn.FullConnection;
import cnnkit.hidden.support.Expect;
import cnnkit.hidden.support.Gen;
import cnnkit.hidden.support.HiddenProperty;
import cnnkit.hidden.support.Oracle;
import cnnkit.hidden.support.WrongOracles;
import cnnkit.lecture.LectureData;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden checks of Step 4, Full connection: {@code output[o] = Σ_i weights[o][i] · input[i] + bias[o]}. */
@DisplayName("Step 4 — Full connection")
class FullConnectionHiddenTest {
    private static void expectForward(double[] input, double[][] weights, double[] bias) {
        Expect.given("input", input, "weights", weights, "bias", bias)
                .expecting(Oracle.forward(input, weights, bias), WrongOracles.forward(input, weights, bias))
                .check(() -> FullConnection.forward(input, weights, bias));
    }

    @Test
    @DisplayName("the lecture's flattened vector through the kit's dense layer gives the scores (Dog, Cat)")
    void lectureExample() {
        double[] x = LectureData.flattened();
        double[][] w = LectureData.denseWeights();
        double[] b = LectureData.denseBias();
        Expect.given("input", x, "weights", w, "bias", b)
                .expecting(LectureData.denseScores(), WrongOracles.forward(x, w, b))
                .check(() -> FullConnection.forward(x, w, b));
    }

    @Test
    @DisplayName("square 3x3 weights: weights[o][i] connects input i to output o")
    void squareWeights() {
        expectForward(
                new double[] {1, 2, 3}, new double[][] {{1, 0, 2}, {0, -1, 1}, {3, 1, 0}}, new double[] {0.5, -1, 2});
    }

    @Test
    @DisplayName("4 inputs, 3 outputs, with fractions and negative weights")
    void moreInputsThanOutputs() {
        expectForward(
                new double[] {0.5, -1, 2, 0},
                new double[][] {{1, 2, 3, 4}, {-1, 0.5, 0, 2}, {0, 0, -3, 1}},
                new double[] {1, 0, -0.25});
    }

    @Test
    @DisplayName("2 inputs, 4 outputs")
    void moreOutputsThanInputs() {
        expectForward(
                new double[] {3, -2}, new double[][] {{1, 1}, {2, -1}, {0, 4}, {-3, 0.5}}, new double[] {0, 1, 2, 3});
    }

    @Test
    @DisplayName("a single neuron with a single input")
    void singleNeuron() {
        expectForward(new double[] {4}, new double[][] {{-0.5}}, new double[] {3});
    }

    @HiddenProperty
    @Label("on random layers each output is the weighted sum of the inputs plus its bias")
    void eachOutputIsTheWeightedSumPlusBias(
            @ForAll @IntRange(min = 1, max = 6) int inputs,
            @ForAll @IntRange(min = 1, max = 4) int outputs,
            @ForAll("cells") double[] cells) {
        double[] x = java.util.Arrays.copyOf(cells, inputs);
        double[][] w = new double[outputs][inputs];
        double[] b = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < inputs; i++) {
                w[o][i] = cells[(inputs + o * inputs + i) % cells.length] - o;
            }
            b[o] = cells[(cells.length - 1 - o) % cells.length];
        }
        expectForward(x, w, b);
    }

    @HiddenProperty
    @Label("with all weights 0 the output is the bias")
    void zeroWeightsGiveTheBias(@ForAll("vectors") double[] x, @ForAll("vectors") double[] b) {
        double[][] w = new double[b.length][x.length];
        Expect.given("input", x, "weights", w, "bias", b)
                .expecting(b.clone(), WrongOracles.forward(x, w, b))
                .check(() -> FullConnection.forward(x, w, b));
    }

    @Test
    @DisplayName("null or empty arguments are rejected with IllegalArgumentException")
    void rejectsNullAndEmpty() {
        double[][] w = {{1, 2}};
        double[] b = {0};
        double[] x = {1, 2};
        Expect.given("input", null, "weights", w, "bias", b)
                .rejects("the input is null", () -> FullConnection.forward(null, w, b));
        Expect.given("input", x, "weights", null, "bias", b)
                .rejects("the weights are null", () -> FullConnection.forward(x, null, b));
        Expect.given("input", x, "weights", w, "bias", null)
                .rejects("the bias is null", () -> FullConnection.forward(x, w, null));
        Expect.given("input", new double[0], "weights", new double[][] {{}}, "bias", b)
                .rejects("the input is empty", () -> FullConnection.forward(new double[0], new double[][] {{}}, b));
        Expect.given("input", x, "weights", new double[0][], "bias", new double[0])
                .rejects("there are no weights", () -> FullConnection.forward(x, new double[0][], new double[0]));
    }

    @Test
    @DisplayName("ragged weights are rejected with IllegalArgumentException")
    void rejectsRaggedWeights() {
        double[][] ragged = {{1, 2}, {3}};
        Expect.given("input", new double[] {1, 2}, "weights", ragged, "bias", new double[] {0, 0})
                .rejects(
                        "the weights are ragged",
                        () -> FullConnection.forward(new double[] {1, 2}, ragged, new double[] {0, 0}));
    }

    @Test
    @DisplayName("weights that do not fit the input or the bias are rejected with IllegalArgumentException")
    void rejectsMismatchedSizes() {
        double[][] w = {{1, 2, 3}, {4, 5, 6}};
        Expect.given("input", new double[] {1, 2}, "weights", w, "bias", new double[] {0, 0})
                .rejects(
                        "the weights have 3 columns but there are 2 inputs",
                        () -> FullConnection.forward(new double[] {1, 2}, w, new double[] {0, 0}));
        Expect.given("input", new double[] {1, 2, 3}, "weights", w, "bias", new double[] {0, 0, 0})
                .rejects(
                        "there are 3 biases for 2 outputs",
                        () -> FullConnection.forward(new double[] {1, 2, 3}, w, new double[] {0, 0, 0}));
    }

    @Test
    @DisplayName("the input, weights and bias given to forward are left unchanged")
    void leavesInputsUnchanged() {
        double[] x = LectureData.flattened();
        double[][] w = LectureData.denseWeights();
        double[] b = LectureData.denseBias();
        Expect.given("input", x, "weights", w, "bias", b)
                .leavesInputsUnchanged("dense-bias-in-place", () -> FullConnection.forward(x, w, b));
    }

    @Provide
    Arbitrary<double[]> cells() {
        return Gen.cell().array(double[].class).ofSize(12);
    }

    @Provide
    Arbitrary<double[]> vectors() {
        return Gen.vector(1, 5, -10, 10);
    }
}
