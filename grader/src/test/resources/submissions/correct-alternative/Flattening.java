package cnn;

import java.util.Arrays;

public final class Flattening {
    private Flattening() {
    }

    public static double[] flatten(double[][] pooledFeatureMap) {
        Shapes.of(pooledFeatureMap, "pooledFeatureMap");
        return Arrays.stream(pooledFeatureMap).flatMapToDouble(Arrays::stream).toArray();
    }

    public static double[] flatten(double[][][] pooledFeatureMaps) {
        Shapes.of(pooledFeatureMaps, "pooledFeatureMaps");
        return Arrays.stream(pooledFeatureMaps).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).toArray();
    }
}
