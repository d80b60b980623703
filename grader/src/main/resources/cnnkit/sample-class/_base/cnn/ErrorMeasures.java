package cnn;

/** Extra 3: classification error, mean squared error and cross-entropy over rows of predictions. */
public final class ErrorMeasures {
    private ErrorMeasures() {
    }

    public static double classificationError(double[][] predicted, double[][] actual) {
        int rows = rowsOf(predicted, actual);
        int misses = 0;
        for (int r = 0; r < rows; r++) {
            misses += indexOfMax(predicted[r]) == indexOfMax(actual[r]) ? 0 : 1;
        }
        return misses / (double) rows;
    }

    public static double meanSquaredError(double[][] predicted, double[][] actual) {
        int rows = rowsOf(predicted, actual);
        double total = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < predicted[r].length; c++) {
                total += (predicted[r][c] - actual[r][c]) * (predicted[r][c] - actual[r][c]);
            }
        }
        return total / rows;
    }

    public static double crossEntropy(double[][] predicted, double[][] actual) {
        int rows = rowsOf(predicted, actual);
        double total = 0;
        for (int r = 0; r < rows; r++) {
            Shapes.probabilities(predicted[r], "predicted");
            Shapes.probabilities(actual[r], "actual");
            for (int c = 0; c < predicted[r].length; c++) {
                total -= actual[r][c] == 0 ? 0 : actual[r][c] * Math.log(predicted[r][c]);
            }
        }
        return total / rows + 0.0;
    }

    /** The number of rows, once both tables are known to have the same rectangular shape. */
    private static int rowsOf(double[][] predicted, double[][] actual) {
        if (Shapes.width(predicted, "predicted") != Shapes.width(actual, "actual") || predicted.length != actual.length) {
            throw new IllegalArgumentException("predicted and actual must have the same shape");
        }
        return predicted.length;
    }

    /** The first index holding the row's largest value. */
    private static int indexOfMax(double[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }
}
