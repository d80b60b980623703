package cnn;

public final class CrossEntropy {
    private CrossEntropy() {
    }

    public static double loss(double[] predicted, double[] actual) {
        same(predicted, actual);
        Shapes.probabilities(predicted, "predicted");
        Shapes.probabilities(actual, "actual");
        double loss = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] > 0) {
                loss += -actual[i] * Math.log(predicted[i]);
            }
        }
        return loss;
    }

    public static double[] gradient(double[] scores, double[] actual) {
        same(scores, actual);
        for (double t : actual) {
            if (Double.isNaN(t)) {
                Shapes.fail("actual holds NaN");
            }
        }
        double[] y = Softmax.apply(scores);
        for (int i = 0; i < y.length; i++) {
            y[i] -= actual[i];
        }
        return y;
    }

    private static void same(double[] a, double[] b) {
        Shapes.vector(a, "first argument");
        Shapes.vector(b, "actual");
        if (a.length != b.length) {
            Shapes.fail("lengths differ: " + a.length + " and " + b.length);
        }
    }
}
