package cnn;

/** Step 1(b): negative cells become 0, the rest stay. */
public final class Relu {
    private Relu() {
    }

    public static double[][] apply(double[][] featureMap) {
        Shapes.width(featureMap, "featureMap");
        double[][] out = new double[featureMap.length][];
        for (int r = 0; r < out.length; r++) {
            out[r] = featureMap[r].clone();
            for (int c = 0; c < out[r].length; c++) {
                out[r][c] = rectify(out[r][c]);
            }
        }
        return out;
    }

    public static double[][][] apply(double[][][] featureMaps) {
        Shapes.stack(featureMaps, "featureMaps");
        double[][][] out = new double[featureMaps.length][][];
        for (int m = 0; m < out.length; m++) {
            out[m] = apply(featureMaps[m]);
        }
        return out;
    }

    /** max(0, x); NaN stays NaN and -0.0 becomes 0.0. */
    private static double rectify(double x) {
        return x > 0 || Double.isNaN(x) ? x : 0.0;
    }
}
