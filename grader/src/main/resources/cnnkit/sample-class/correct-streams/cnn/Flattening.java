package cnn;

import java.util.Arrays;

public final class Flattening {
    private Flattening() {
    }

    public static double[] flatten(double[][] pooledFeatureMap) {
        Shapes.width(pooledFeatureMap, "pooledFeatureMap");
        return Arrays.stream(pooledFeatureMap).flatMapToDouble(Arrays::stream).toArray();
    }

    public static double[] flatten(double[][][] pooledFeatureMaps) {
        Shapes.stack(pooledFeatureMaps, "pooledFeatureMaps");
        return Arrays.stream(pooledFeatureMaps).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).toArray();
    }
}
