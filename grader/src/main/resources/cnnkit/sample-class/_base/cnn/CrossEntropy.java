package cnn;

/** Extra 2: the loss -sum t ln y, and its gradient y - t with respect to the scores before softmax. */
public final class CrossEntropy {
    private CrossEntropy() {
    }

    public static double loss(double[] predicted, double[] actual) {
        Shapes.pair(predicted, actual);
        Shapes.probabilities(predicted, "predicted");
        Shapes.probabilities(actual, "actual");
        double loss = 0.0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] > 0) { // 0 * ln 0 counts as 0
                loss -= actual[i] * Math.log(predicted[i]);
            }
        }
        return loss + 0.0;
    }

    public static double[] gradient(double[] scores, double[] actual) {
        Shapes.pair(scores, actual);
        Shapes.finite(scores, "scores");
        for (double t : actual) {
            if (Double.isNaN(t)) {
                throw new IllegalArgumentException("actual holds NaN");
            }
        }
        double shift = java.util.Arrays.stream(scores).max().getAsDouble();
        double norm = java.util.Arrays.stream(scores).map(z -> Math.exp(z - shift)).sum();
        double[] g = new double[scores.length];
        for (int i = 0; i < g.length; i++) {
            double y = Math.exp(scores[i] - shift) / norm;
            g[i] = y - actual[i];
        }
        return g;
    }
}
