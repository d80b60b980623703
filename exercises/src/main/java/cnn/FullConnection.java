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
        // TODO Step 4: output[o] = bias[o] + Σ_i weights[o][i] · input[i]. Check first that weights has one column per
        //      input value and that there is one bias per row of weights.
        throw new UnsupportedOperationException(
            "Step 4 (FullConnection) is not implemented yet — see exercises/src/main/java/cnn/FullConnection.java");
    }
}
