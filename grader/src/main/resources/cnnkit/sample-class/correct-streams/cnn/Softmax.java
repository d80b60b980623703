package cnn;

import java.util.Arrays;

public final class Softmax {
    private Softmax() {
    }

    public static double[] apply(double[] scores) {
        Shapes.vector(scores, "scores");
        Shapes.finite(scores, "scores");
        double max = Arrays.stream(scores).max().orElseThrow();
        double[] exps = Arrays.stream(scores).map(z -> Math.exp(z - max)).toArray();
        double total = Arrays.stream(exps).sum();
        return Arrays.stream(exps).map(e -> e / total).toArray();
    }
}
