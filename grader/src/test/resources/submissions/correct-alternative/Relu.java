package cnn;

public final class Relu {
    private Relu() {
    }

    public static double[][] apply(double[][] featureMap) {
        Shapes.of(featureMap, "featureMap");
        double[][] out = new double[featureMap.length][];
        for (int r = 0; r < out.length; r++) {
            out[r] = featureMap[r].clone();
            for (int c = 0; c < out[r].length; c++) {
                if (out[r][c] < 0) {
                    out[r][c] = 0;
                }
            }
        }
        return out;
    }

    public static double[][][] apply(double[][][] featureMaps) {
        Shapes.of(featureMaps, "featureMaps");
        double[][][] out = new double[featureMaps.length][][];
        for (int i = 0; i < out.length; i++) {
            out[i] = apply(featureMaps[i]);
        }
        return out;
    }
}
