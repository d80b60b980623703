package cnn;

/** A student's max pooling that reads one column past the map's edge: HandoutMavenBuildTest's crash. */
public final class MaxPooling {
    public static double[][] pool(double[][] featureMap, int size, int stride) {
        double[][] out = new double[1][1];
        int last = featureMap[0].length;
        out[0][0] = featureMap[0][last]; // line 8: one past the last column
        return out;
    }

    public static double[][] pool(double[][] featureMap) {
        return pool(featureMap, 2, 2);
    }

    public static double[][][] pool(double[][][] featureMaps, int size, int stride) {
        return new double[][][] {pool(featureMaps[0], size, stride)};
    }

    public static double[][] backward(double[][] featureMap, double[][] outputGradient, int size, int stride) {
        throw new UnsupportedOperationException("MaxPooling.backward: not implemented yet (Part 2)");
    }

    public static double[][][] backward(double[][][] featureMaps, double[][][] outputGradients, int size, int stride) {
        throw new UnsupportedOperationException("MaxPooling.backward: not implemented yet (Part 2)");
    }
}
