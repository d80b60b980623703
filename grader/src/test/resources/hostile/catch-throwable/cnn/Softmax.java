package cnn;

/** Hostile: swallows every error, stack overflows and time-outs included, and returns something. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        try {
            return apply(scores);
        } catch (Throwable t) {
            return new double[] {1};
        }
    }
}
