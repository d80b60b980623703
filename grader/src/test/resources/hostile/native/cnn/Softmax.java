package cnn;

/** Hostile: loads a native library and calls into it, outside every Java check. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        System.loadLibrary("evil");
        return fast(scores);
    }

    private static native double[] fast(double[] scores);
}
