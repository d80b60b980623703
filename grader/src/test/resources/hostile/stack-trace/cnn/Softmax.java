package cnn;

/**
 * Hostile (issue 11, hole 10): computes softmax correctly only while a hidden test is on the call stack, and
 * something cheaper (and wrong) otherwise.
 */
public final class Softmax {
    public static double[] apply(double[] scores) {
        if (!watched()) {
            return scores;
        }
        double sum = 0;
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = Math.exp(scores[i]);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    private static boolean watched() {
        for (StackTraceElement frame : new RuntimeException().getStackTrace()) {
            if (frame.getClassName().contains("Hidden")) {
                return true;
            }
        }
        return false;
    }
}
