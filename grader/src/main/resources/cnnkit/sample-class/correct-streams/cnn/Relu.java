package cnn;

import java.util.Arrays;

public final class Relu {
    private Relu() {
    }

    public static double[][] apply(double[][] featureMap) {
        Shapes.width(featureMap, "featureMap");
        return Arrays.stream(featureMap)
            .map(row -> Arrays.stream(row).map(x -> x < 0 ? 0.0 : x + 0.0).toArray())
            .toArray(double[][]::new);
    }

    public static double[][][] apply(double[][][] featureMaps) {
        Shapes.stack(featureMaps, "featureMaps");
        return Arrays.stream(featureMaps).map(Relu::apply).toArray(double[][][]::new);
    }
}
