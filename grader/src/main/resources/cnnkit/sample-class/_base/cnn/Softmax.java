package cnn;

/** Extra 1: scores to probabilities, e^z / sum e^z, shifted by the largest score so nothing overflows. */
public final class Softmax {
    private Softmax() {
    }

    public static double[] apply(double[] scores) {
        Shapes.vector(scores, "scores");
        Shapes.finite(scores, "scores");
        double top = scores[0];
        for (double s : scores) {
            top = Math.max(top, s);
        }
        double[] p = new double[scores.length];
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(scores[i] - top);
            total += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = p[i] / total;
        }
        return p;
    }
}
