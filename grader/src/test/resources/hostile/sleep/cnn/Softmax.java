package cnn;

/** Hostile: sleeps far longer than any time-out. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        try {
            Thread.sleep(3_600_000);
        } catch (InterruptedException e) {
            return scores;
        }
        return scores;
    }
}
