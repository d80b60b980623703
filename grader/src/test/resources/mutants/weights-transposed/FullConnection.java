// Mutant "weights-transposed": the reference solution with one mistake, kept as test data (see MutantsTest and
// grader/src/main/resources/cnnkit/misconceptions.csv). Never a solution.
package cnn;

import java.util.Arrays;

/**
 * Step 4 — Full connection. The flattened vector is the input layer of a classic neural network: every output
 * neuron is connected to every input, and computes the weighted sum of all inputs plus its bias,
 * {@code output[o] = Σ_i weights[o][i] · input[i] + bias[o]}. In the lecture the output neurons vote for
 * "dog" and "cat"; training adjusts the weights (and the feature detectors) by backpropagation.
 */
public final class FullConnection {
    private FullConnection() {
    }

    /**
     * @param input   the flattened vector, at least one value
     * @param weights {@code weights[output][input]}: one row per output neuron, one column per input
     * @param bias    one bias per output neuron
     * @return {@code weights · input + bias}, one value per output neuron
     * @throws IllegalArgumentException if an argument is null, empty or ragged, or the sizes do not match
     */
    public static double[] forward(double[] input, double[][] weights, double[] bias) {
        Require.nonEmpty(input, "input");
        int columns = Require.rectangular(weights, "weights");
        Require.nonEmpty(bias, "bias");
        if (weights.length != input.length) {
            throw new IllegalArgumentException("weights has " + columns + " columns but input has " + input.length
                + " values: weights[output][input] needs one column per input");
        }
        if (bias.length != columns) {
            throw new IllegalArgumentException("bias has " + bias.length + " values but weights has "
                + weights.length + " rows: one bias per output");
        }
        double[] out = new double[columns];
        for (int o = 0; o < out.length; o++) {
            double sum = bias[o];
            for (int i = 0; i < input.length; i++) {
                sum += weights[i][o] * input[i];
            }
            out[o] = sum;
        }
        return out;
    }

    /** The lecture's flattened vector through a tiny dense layer (illustrative weights). */
    public static void main(String[] args) {
        double[] x = {1, 1, 0, 4, 2, 1, 0, 2, 1};
        double[][] w = {{0.2, -0.1, 0.4, 0.3, 0.1, -0.2, 0.5, 0.2, 0.1}, {-0.3, 0.2, 0.1, -0.1, 0.4, 0.3, -0.2, 0.1, 0.2}};
        System.out.println(Arrays.toString(forward(x, w, new double[] {0.1, -0.1})));
    }
}
