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
 *
 * <p>Check your work with the public tests in {@code exercises/src/test/java/cnn/ErrorMeasuresTest.java}:
 * {@code mvn -q -Pstudent -pl exercises -am test -Dtest=ErrorMeasuresTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (see the README).
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
        // TODO Extra 3: count the rows whose predicted class (index of the largest value, the first one on ties)
        //      differs from the actual class; divide by the number of rows.
        throw new UnsupportedOperationException(
                "Extra 3 (ErrorMeasures) is not implemented yet — see exercises/src/main/java/cnn/ErrorMeasures.java");
    }

    /**
     * @param predicted predicted probabilities {@code [row][class]}
     * @param actual    targets, same shape
     * @return {@code Σ_class (predicted − actual)²}, averaged over the rows
     * @throws IllegalArgumentException if an argument is null, empty or ragged, or the shapes differ
     */
    public static double meanSquaredError(double[][] predicted, double[][] actual) {
        // TODO Extra 3: add (predicted − actual)² over every cell, then divide by the number of ROWS (the lecture's
        //      convention: summed over the classes, averaged over the observations).
        throw new UnsupportedOperationException(
                "Extra 3 (ErrorMeasures) is not implemented yet — see exercises/src/main/java/cnn/ErrorMeasures.java");
    }

    /**
     * @param predicted predicted probabilities {@code [row][class]}, each in [0, 1]
     * @param actual    targets, same shape, each in [0, 1]
     * @return {@code −Σ_class actual · ln(predicted)} averaged over the rows ({@code 0 · ln 0 = 0})
     * @throws IllegalArgumentException if an argument is null, empty or ragged, the shapes differ, or a value is
     *                                  NaN or outside [0, 1]
     */
    public static double crossEntropy(double[][] predicted, double[][] actual) {
        // TODO Extra 3: the average over the rows of CrossEntropy.loss(predicted[row], actual[row]).
        throw new UnsupportedOperationException(
                "Extra 3 (ErrorMeasures) is not implemented yet — see exercises/src/main/java/cnn/ErrorMeasures.java");
    }
}
