package cnn;

/**
 * Cross-entropy, the loss a CNN minimises after softmax: {@code H(t, y) = −Σ t_i · ln(y_i)} for predicted
 * probabilities y and a target distribution t (one-hot: 1 for the true class). It only looks at the probability
 * given to the true class, and punishes a confident mistake hard: −ln(0.9) ≈ 0.105 but −ln(0.1) ≈ 2.303.
 *
 * <p>Its gradient with respect to the scores z before softmax is the lecture's short result {@code y − t}: the
 * derivative of ln through softmax cancels to "prediction minus target".
 *
 * <p>Check your work with the public tests in {@code exercises/src/test/java/cnn/CrossEntropyTest.java}:
 * {@code mvn -q -Pstudent -pl exercises -am test -Dtest=CrossEntropyTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (see the README).
 */
public final class CrossEntropy {
    private CrossEntropy() {}

    /**
     * @param predicted probabilities, each in [0, 1]
     * @param actual    the target distribution (usually one-hot), each in [0, 1], same length
     * @return {@code −Σ actual_i · ln(predicted_i)} with {@code 0 · ln 0 = 0}; {@code +∞} if a class with
     *         {@code actual_i > 0} has {@code predicted_i = 0}
     * @throws IllegalArgumentException if an array is null or empty, the lengths differ, or a value is NaN or
     *                                  outside [0, 1]
     */
    public static double loss(double[] predicted, double[] actual) {
        // TODO Extra 2: add up −actual[i] · ln(predicted[i]) (Math.log is ln), skipping the classes whose actual[i] is
        //      0: 0 · ln 0 counts as 0, while Math.log(0) is −∞ and 0 · −∞ would be NaN.
        throw new UnsupportedOperationException(
                "Extra 2 (CrossEntropy) is not implemented yet — see exercises/src/main/java/cnn/CrossEntropy.java");
    }

    /**
     * Gradient of {@code loss(softmax(scores), actual)} with respect to the scores: {@code softmax(scores) − actual}.
     *
     * @param scores raw scores before softmax, finite
     * @param actual the target distribution, same length
     * @return {@code y − t}, one component per class
     * @throws IllegalArgumentException if an array is null or empty, the lengths differ, a score is not finite or
     *                                  a target is NaN
     */
    public static double[] gradient(double[] scores, double[] actual) {
        // TODO Extra 2: softmax(scores) − actual, class by class (you may call Softmax.apply after checking the
        //      arguments).
        throw new UnsupportedOperationException(
                "Extra 2 (CrossEntropy) is not implemented yet — see exercises/src/main/java/cnn/CrossEntropy.java");
    }
}
