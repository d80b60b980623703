package cnn;

/** Hostile: halts the JVM without running shutdown hooks. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        Runtime.getRuntime().halt(1);
        return scores;
    }
}
