package cnn;

/**
 * Step 4 — Full connection. The flattened vector is the input layer of a classic neural network: every output
 * neuron is connected to every input, and computes the weighted sum of all inputs plus its bias,
 * {@code output[o] = Σ_i weights[o][i] · input[i] + bias[o]}. In the lecture the output neurons vote for
 * "dog" and "cat"; training adjusts the weights (and the feature detectors) by backpropagation.
 *
 * <p>Check your work with the public tests in {@code exercises/src/test/java/cnn/FullConnectionTest.java}:
 * {@code mvn -q -Pstudent -pl exercises -am test -Dtest=FullConnectionTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (see the README).
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
        // TODO Step 4: output[o] = bias[o] + Σ_i weights[o][i] · input[i]. Check first that weights has one column per
        //      input value and that there is one bias per row of weights.
        throw new UnsupportedOperationException(
                "Step 4 (FullConnection) is not implemented yet — see exercises/src/main/java/cnn/FullConnection.java");
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
        // TODO Part 2, Step 4: dInput[i] = sum over outputs o of weights[o][i] * outputGradient[o] (the transpose).
        throw new UnsupportedOperationException(
                "Step 4 (FullConnection) backward pass is not implemented yet — see exercises/src/main/java/cnn/FullConnection.java");
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
        // TODO Part 2, Step 4: dWeights[o][i] = outputGradient[o] * input[i], one row per output.
        throw new UnsupportedOperationException(
                "Step 4 (FullConnection) backward pass is not implemented yet — see exercises/src/main/java/cnn/FullConnection.java");
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
        // TODO Part 2, Step 4: the bias gradient is the output gradient itself, as a new array.
        throw new UnsupportedOperationException(
                "Step 4 (FullConnection) backward pass is not implemented yet — see exercises/src/main/java/cnn/FullConnection.java");
    }
}
