package cnn;

/** Step 4: every output neuron sums all inputs with its own weights, plus its bias. */
public final class FullConnection {
    private FullConnection() {
    }

    public static double[] forward(double[] input, double[][] weights, double[] bias) {
        Shapes.vector(input, "input");
        Shapes.vector(bias, "bias");
        if (Shapes.width(weights, "weights") != input.length || weights.length != bias.length) {
            throw new IllegalArgumentException("weights must be " + bias.length + "x" + input.length
                + " (one row per output, one column per input)");
        }
        double[] out = new double[weights.length];
        for (int o = 0; o < out.length; o++) {
            out[o] = bias[o] + dot(weights[o], input);
        }
        return out;
    }

    private static double dot(double[] row, double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += row[i] * x[i];
        }
        return sum;
    }
}
