package cnn;

/**
 * Hostile: no Relu.java, but this helper file declares the step's class, hoping the grader grades it as the step (or
 * fails on the whole submission: the clash with the stub it puts in Relu's place).
 */
final class Helpers {
    private Helpers() {
    }
}

final class Relu {
    private Relu() {
    }

    public static double[][] apply(double[][] featureMap) {
        return featureMap;
    }

    public static double[][][] apply(double[][][] featureMaps) {
        return featureMaps;
    }
}
