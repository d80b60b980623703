package cnn;

import java.util.Arrays;

/**
 * Step 4 — Full connection. The flattened vector is the input layer of a classic neural network: every output
 * neuron is connected to every input, and computes the weighted sum of all inputs plus its bias,
 * {@code output[o] = Σ_i weights[o][i] · input[i] + bias[o]}. In the lecture the output neurons vote for
 * "dog" and "cat"; training adjusts the weights (and the feature detectors) by backpropagation.
 */
public final class FullConnection {
    private FullConnection() {}

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
        if (columns != input.length) {
            throw new IllegalArgumentException("weights has " + columns + " columns but input has " + input.length
                    + " values: weights[output][input] needs one column per input");
        }
        if (bias.length != weights.length) {
            throw new IllegalArgumentException("bias has " + bias.length + " values but weights has " + weights.length
                    + " rows: one bias per output");
        }
        double[] out = new double[weights.length];
        for (int o = 0; o < out.length; o++) {
            double sum = bias[o];
            for (int i = 0; i < input.length; i++) {
                sum += weights[o][i] * input[i];
            }
            out[o] = sum;
        }
        return out;
    }

    /**
     * Backward pass of {@link #forward} with respect to its input: input i fed every output o with weight
     * {@code weights[o][i]}, so {@code dInput[i] = Σ_o weights[o][i] · g[o]} — the transposed weights times the
     * gradient, {@code Wᵀg}.
     *
     * @param weights        the forward pass's {@code weights[output][input]}
     * @param outputGradient ∂L/∂output, one value per output (row of weights)
     * @return ∂L/∂input, one value per input (column of weights)
     * @throws IllegalArgumentException if an argument is null, empty or ragged, or the gradient's length is not the
     *                                  number of rows
     */
    public static double[] inputGradient(double[][] weights, double[] outputGradient) {
        int columns = Require.rectangular(weights, "weights");
        requireOneValuePerOutput(outputGradient, weights.length);
        double[] out = new double[columns];
        for (int o = 0; o < weights.length; o++) {
            for (int i = 0; i < columns; i++) {
                out[i] += weights[o][i] * outputGradient[o];
            }
        }
        return out;
    }

    /**
     * Backward pass of {@link #forward} with respect to the weights: {@code weights[o][i]} multiplied
     * {@code input[i]} into output o, so {@code dWeights[o][i] = g[o] · input[i]}, the outer product {@code g ⊗ x}.
     *
     * @param input          the forward pass's input
     * @param outputGradient ∂L/∂output
     * @return ∂L/∂weights, {@code [output][input]} like the weights
     * @throws IllegalArgumentException if an argument is null or empty
     */
    public static double[][] weightGradient(double[] input, double[] outputGradient) {
        Require.nonEmpty(input, "input");
        Require.nonEmpty(outputGradient, "outputGradient");
        double[][] out = new double[outputGradient.length][input.length];
        for (int o = 0; o < out.length; o++) {
            for (int i = 0; i < input.length; i++) {
                out[o][i] = outputGradient[o] * input[i];
            }
        }
        return out;
    }

    /**
     * Backward pass of {@link #forward} with respect to the bias: each bias is added to its output once, so its
     * gradient is that output's gradient.
     *
     * @param outputGradient ∂L/∂output
     * @return ∂L/∂bias, a new array equal to {@code outputGradient}
     * @throws IllegalArgumentException if the gradient is null or empty
     */
    public static double[] biasGradient(double[] outputGradient) {
        Require.nonEmpty(outputGradient, "outputGradient");
        return outputGradient.clone();
    }

    private static void requireOneValuePerOutput(double[] outputGradient, int outputs) {
        Require.nonEmpty(outputGradient, "outputGradient");
        if (outputGradient.length != outputs) {
            throw new IllegalArgumentException("outputGradient has " + outputGradient.length
                    + " values but weights has " + outputs + " rows: one gradient per output");
        }
    }

    /** The lecture's flattened vector through a tiny dense layer (illustrative weights). */
    public static void main(String[] args) {
        double[] x = {1, 1, 0, 4, 2, 1, 0, 2, 1};
        double[][] w = {
            {0.2, -0.1, 0.4, 0.3, 0.1, -0.2, 0.5, 0.2, 0.1}, {-0.3, 0.2, 0.1, -0.1, 0.4, 0.3, -0.2, 0.1, 0.2}
        };
        System.out.println(Arrays.toString(forward(x, w, new double[] {0.1, -0.1})));
    }
}
