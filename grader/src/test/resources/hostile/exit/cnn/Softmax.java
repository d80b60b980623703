package cnn;

/** Hostile: ends the grader's JVM the moment the step is called. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        System.exit(0);
        return scores;
    }
}
