package cnn;

import java.util.stream.IntStream;

public final class FullConnection {
    private FullConnection() {
    }

    public static double[] forward(double[] input, double[][] weights, double[] bias) {
        Shapes.vector(input, "input");
        Shapes.vector(bias, "bias");
        if (Shapes.width(weights, "weights") != input.length || weights.length != bias.length) {
            throw new IllegalArgumentException("weights must have one row per bias and one column per input");
        }
        return IntStream.range(0, weights.length)
            .mapToDouble(o -> bias[o] + IntStream.range(0, input.length).mapToDouble(i -> weights[o][i] * input[i]).sum())
            .toArray();
    }
}
