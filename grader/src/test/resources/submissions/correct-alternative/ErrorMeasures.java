package cnn;

public final class ErrorMeasures {
    private ErrorMeasures() {
    }

    public static double classificationError(double[][] predicted, double[][] actual) {
        check(predicted, actual);
        double wrong = 0;
        for (int r = 0; r < predicted.length; r++) {
            wrong += best(predicted[r]) == best(actual[r]) ? 0 : 1;
        }
        return wrong / predicted.length;
    }

    public static double meanSquaredError(double[][] predicted, double[][] actual) {
        check(predicted, actual);
        double total = 0;
        for (int r = 0; r < predicted.length; r++) {
            for (int c = 0; c < predicted[r].length; c++) {
                total += Math.pow(predicted[r][c] - actual[r][c], 2);
            }
        }
        return total / predicted.length;
    }

    public static double crossEntropy(double[][] predicted, double[][] actual) {
        check(predicted, actual);
        double total = 0;
        for (int r = 0; r < predicted.length; r++) {
            total += CrossEntropy.loss(predicted[r], actual[r]);
        }
        return total / predicted.length;
    }

    private static int best(double[] v) {
        int best = v.length - 1;
        for (int i = v.length - 2; i >= 0; i--) {
            if (v[i] >= v[best]) {
                best = i; // walking backwards with >= keeps the first index on ties
            }
        }
        return best;
    }

    private static void check(double[][] p, double[][] t) {
        int[] a = Shapes.of(p, "predicted");
        int[] b = Shapes.of(t, "actual");
        if (a[0] != b[0] || a[1] != b[1]) {
            Shapes.fail("predicted and actual differ in shape");
        }
    }
}
