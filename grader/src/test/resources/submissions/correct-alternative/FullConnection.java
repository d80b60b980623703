package cnn;

public final class FullConnection {
    private FullConnection() {
    }

    public static double[] forward(double[] input, double[][] weights, double[] bias) {
        Shapes.vector(input, "input");
        Shapes.vector(bias, "bias");
        int[] w = Shapes.of(weights, "weights");
        if (w[1] != input.length || w[0] != bias.length) {
            Shapes.fail("weights " + w[0] + "x" + w[1] + " do not fit input " + input.length + " and bias " + bias.length);
        }
        double[] out = bias.clone();
        for (int i = 0; i < input.length; i++) {
            for (int o = 0; o < out.length; o++) {
                out[o] += weights[o][i] * input[i];
            }
        }
        return out;
    }
}
