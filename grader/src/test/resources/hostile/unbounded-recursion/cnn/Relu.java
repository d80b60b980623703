package cnn;

/** Hostile (or just buggy): recursion without a base case. */
public final class Relu {
    public static double[][] apply(double[][] featureMap) {
        return apply(new double[][][] {featureMap})[0];
    }

    public static double[][][] apply(double[][][] featureMaps) {
        return new double[][][] {apply(featureMaps[0])};
    }
}
