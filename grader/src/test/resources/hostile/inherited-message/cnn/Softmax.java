package cnn;

/**
 * Hostile (issue 11, hole 2): rejects bad input with an exception whose getMessage, inherited from a student
 * superclass, reads a file when the hidden check reads the message (on the test thread).
 */
public final class Softmax {
    public static double[] apply(double[] scores) {
        if (scores == null || scores.length == 0) {
            throw new BadScores();
        }
        double[] out = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            out[i] = Math.exp(scores[i]);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
