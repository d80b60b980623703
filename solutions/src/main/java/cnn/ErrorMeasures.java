package cnn;

/**
 * Three ways to say how wrong a classifier is, from the lecture's NN1/NN2 comparison. Each takes the predicted
 * probabilities and the one-hot targets, one row per observation and one column per class:
 * <ul>
 *   <li>classification error: the share of rows whose most probable class is not the true one. Coarse: NN1 and
 *       NN2 both score 1/3 although NN1 is clearly better;</li>
 *   <li>mean squared error: squared differences summed over the classes, averaged over the rows;</li>
 *   <li>cross-entropy: {@code −Σ t · ln y} per row, averaged over the rows. Its logarithm makes the small
 *       improvements at the start of training visible, which is why it is preferred for classification.</li>
 * </ul>
 */
public final class ErrorMeasures {
    private ErrorMeasures() {}

    /**
     * @param predicted predicted probabilities {@code [row][class]}
     * @param actual    one-hot targets, same shape
     * @return the share of rows where {@code argmax(predicted) ≠ argmax(actual)} (first index on ties), in [0, 1]
     * @throws IllegalArgumentException if an argument is null, empty or ragged, or the shapes differ
     */
    public static double classificationError(double[][] predicted, double[][] actual) {
        sameShape(predicted, actual);
        int wrong = 0;
        for (int r = 0; r < predicted.length; r++) {
            if (argmax(predicted[r]) != argmax(actual[r])) {
                wrong++;
            }
        }
        return (double) wrong / predicted.length;
    }

    /**
     * @param predicted predicted probabilities {@code [row][class]}
     * @param actual    targets, same shape
     * @return {@code Σ_class (predicted − actual)²}, averaged over the rows
     * @throws IllegalArgumentException if an argument is null, empty or ragged, or the shapes differ
     */
    public static double meanSquaredError(double[][] predicted, double[][] actual) {
        sameShape(predicted, actual);
        double sum = 0;
        for (int r = 0; r < predicted.length; r++) {
            for (int c = 0; c < predicted[r].length; c++) {
                double d = predicted[r][c] - actual[r][c];
                sum += d * d;
            }
        }
        return sum / predicted.length;
    }

    /**
     * @param predicted predicted probabilities {@code [row][class]}, each in [0, 1]
     * @param actual    targets, same shape, each in [0, 1]
     * @return {@code −Σ_class actual · ln(predicted)} averaged over the rows ({@code 0 · ln 0 = 0})
     * @throws IllegalArgumentException if an argument is null, empty or ragged, the shapes differ, or a value is
     *                                  NaN or outside [0, 1]
     */
    public static double crossEntropy(double[][] predicted, double[][] actual) {
        sameShape(predicted, actual);
        double sum = 0;
        for (int r = 0; r < predicted.length; r++) {
            Guards.probabilities(predicted[r], "predicted[" + r + "]");
            Guards.probabilities(actual[r], "actual[" + r + "]");
            for (int c = 0; c < predicted[r].length; c++) {
                if (actual[r][c] != 0) {
                    sum -= actual[r][c] * Math.log(predicted[r][c]);
                }
            }
        }
        return sum / predicted.length + 0.0;
    }

    /** Index of the largest value; the first one on ties. */
    private static int argmax(double[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void sameShape(double[][] predicted, double[][] actual) {
        int pc = Require.rectangular(predicted, "predicted");
        int ac = Require.rectangular(actual, "actual");
        if (predicted.length != actual.length || pc != ac) {
            throw new IllegalArgumentException("predicted is " + Require.shape(predicted) + " but actual is "
                    + Require.shape(actual) + ": one row per observation, one column per class, in both");
        }
    }

    /** The lecture's NN1/NN2 table. */
    public static void main(String[] args) {
        double[][] t = {{1, 0}, {0, 1}, {1, 0}};
        double[][][] nets = {{{0.9, 0.1}, {0.1, 0.9}, {0.4, 0.6}}, {{0.6, 0.4}, {0.3, 0.7}, {0.1, 0.9}}};
        for (int n = 0; n < nets.length; n++) {
            System.out.printf(
                    "NN%d  classification error %.2f  MSE %.2f  cross-entropy %.2f%n",
                    n + 1, classificationError(nets[n], t), meanSquaredError(nets[n], t), crossEntropy(nets[n], t));
        }
    }
}
