package cnn;

/** Hostile (or just buggy): prints without end. The grader keeps only a little of it. */
public final class Relu {
    public static double[][] apply(double[][] featureMap) {
        String line = "x".repeat(1000);
        while (featureMap != null) {
            System.out.println(line);
        }
        return featureMap;
    }

    public static double[][][] apply(double[][][] featureMaps) {
        return new double[][][] {apply(featureMaps[0])};
    }
}
