package cnn;

import java.util.Arrays;

/**
 * Softmax turns the output layer's scores into probabilities: {@code e^z_i / Σ_j e^z_j}, all in (0, 1) and
 * summing to 1, so "dog 0.95, cat 0.05" can be read as the network's confidence.
 *
 * <p>Numerical stability: e^1000 overflows a double. Subtracting the largest score first changes nothing
 * mathematically ({@code e^(z−m) / Σ e^(z−m)} is the same fraction) but keeps every exponent ≤ 0.
 */
public final class Softmax {
    private Softmax() {}

    /**
     * @param scores raw scores (logits), at least one, finite
     * @return probabilities of the same length, summing to 1
     * @throws IllegalArgumentException if scores is null or empty, or holds NaN or an infinity
     */
    public static double[] apply(double[] scores) {
        Require.nonEmpty(scores, "scores");
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException(
                        "scores[" + i + "] is " + scores[i] + ": softmax needs finite scores");
            }
            max = Math.max(max, scores[i]);
        }
        double[] out = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(scores[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    /**
     * Backward pass of {@link #apply}: the vector-Jacobian product. Output j depends on every score,
     * {@code ∂y_j/∂z_i = y_j (δ_ij − y_i)}, so {@code dScores_i = Σ_j g_j y_j (δ_ij − y_i) = y_i (g_i − g·y)}.
     * Computed from {@code apply(scores)}, so huge scores are as stable as in the forward pass. (After softmax comes
     * cross-entropy in a CNN; {@link CrossEntropy#gradient} fuses the two into {@code y − t}.)
     *
     * @param scores         the forward pass's scores, finite
     * @param outputGradient ∂L/∂(probabilities), the same length
     * @return ∂L/∂scores, {@code y ⊙ (g − g·y)}
     * @throws IllegalArgumentException if an array is null or empty, the lengths differ, or a score is not finite
     */
    public static double[] backward(double[] scores, double[] outputGradient) {
        Require.sameLength(scores, "scores", outputGradient, "outputGradient");
        double[] y = apply(scores);
        double dot = 0;
        for (int i = 0; i < y.length; i++) {
            dot += outputGradient[i] * y[i];
        }
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] * (outputGradient[i] - dot);
        }
        return out;
    }

    /** Softmax of small and of huge scores. */
    public static void main(String[] args) {
        System.out.println(Arrays.toString(apply(new double[] {1.9, 0.9})));
        System.out.println(Arrays.toString(apply(new double[] {1000, 999, -1000})));
    }
}
