package cnn;

import java.util.Arrays;

/**
 * Cross-entropy, the loss a CNN minimises after softmax: {@code H(t, y) = −Σ t_i · ln(y_i)} for predicted
 * probabilities y and a target distribution t (one-hot: 1 for the true class). It only looks at the probability
 * given to the true class, and punishes a confident mistake hard: −ln(0.9) ≈ 0.105 but −ln(0.1) ≈ 2.303.
 *
 * <p>Its gradient with respect to the scores z before softmax is the lecture's short result {@code y − t}: the
 * derivative of ln through softmax cancels to "prediction minus target".
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
        Require.sameLength(predicted, "predicted", actual, "actual");
        Guards.probabilities(predicted, "predicted");
        Guards.probabilities(actual, "actual");
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (actual[i] != 0) { // 0 · ln 0 is taken as 0 (its limit), not NaN
                sum -= actual[i] * Math.log(predicted[i]);
            }
        }
        return sum + 0.0;
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
        Require.sameLength(scores, "scores", actual, "actual");
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores[" + i + "] is " + scores[i] + ": scores must be finite");
            }
            if (Double.isNaN(actual[i])) {
                throw new IllegalArgumentException("actual[" + i + "] is NaN");
            }
            max = Math.max(max, scores[i]);
        }
        double[] y = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.exp(scores[i] - max);
            sum += y[i];
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = y[i] / sum - actual[i];
        }
        return y;
    }

    /** The lecture's NN1 row #3 (Dog 0.4, Cat 0.6, actually a dog) and a gradient. */
    public static void main(String[] args) {
        System.out.println(loss(new double[] {0.4, 0.6}, new double[] {1, 0}));
        System.out.println(Arrays.toString(gradient(new double[] {1.9, 0.9}, new double[] {1, 0})));
    }
}
