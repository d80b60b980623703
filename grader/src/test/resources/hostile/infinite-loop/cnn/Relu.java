package cnn;

/** Hostile (or just buggy): never returns. Only a time-out can stop it. */
public final class Relu {
    public static double[][] apply(double[][] featureMap) {
        long n = 0;
        while (featureMap != null) {
            n++;
        }
        return new double[(int) n][];
    }

    public static double[][][] apply(double[][][] featureMaps) {
        return new double[][][] {apply(featureMaps[0])};
    }
}
