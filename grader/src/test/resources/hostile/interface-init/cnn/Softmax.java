package cnn;

/**
 * Hostile (issue 11, hole 1): a correct softmax whose class implements an interface with a default method.
 * Initialising Softmax initialises Boot, whose constant runs Escape.run, which no method of Softmax calls.
 */
public final class Softmax implements Boot {
    public static double[] apply(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = Math.exp(scores[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
