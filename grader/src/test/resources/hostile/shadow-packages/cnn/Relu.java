package cnn;

/** Wrong on purpose (returns its input): only a fake test could pass it. */
public final class Relu {
    public static double[][] apply(double[][] featureMap) {
        return featureMap;
    }

    public static double[][][] apply(double[][][] featureMaps) {
        return featureMaps;
    }
}
