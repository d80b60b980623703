package cnn;

import java.util.Arrays;

public final class Softmax {
    private Softmax() {
    }

    public static double[] apply(double[] scores) {
        Shapes.vector(scores, "scores");
        Shapes.finite(scores, "scores");
        double max = Arrays.stream(scores).max().getAsDouble();
        double[] e = Arrays.stream(scores).map(z -> Math.exp(z - max)).toArray();
        double total = Arrays.stream(e).sum();
        return Arrays.stream(e).map(x -> x / total).toArray();
    }
}
