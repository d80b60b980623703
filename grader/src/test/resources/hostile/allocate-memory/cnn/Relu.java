package cnn;

import java.util.ArrayList;
import java.util.List;

/** Hostile (or just buggy): allocates until the heap is full. */
public final class Relu {
    private static final List<long[]> HOARD = new ArrayList<>();

    public static double[][] apply(double[][] featureMap) {
        while (true) {
            HOARD.add(new long[1 << 20]);
        }
    }

    public static double[][][] apply(double[][][] featureMaps) {
        return new double[][][] {apply(featureMaps[0])};
    }
}
