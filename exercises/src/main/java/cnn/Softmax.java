package cnn;

/**
 * Softmax turns the output layer's scores into probabilities: {@code e^z_i / Σ_j e^z_j}, all in (0, 1) and
 * summing to 1, so "dog 0.95, cat 0.05" can be read as the network's confidence.
 *
 * <p>Numerical stability: e^1000 overflows a double. Subtracting the largest score first changes nothing
 * mathematically ({@code e^(z−m) / Σ e^(z−m)} is the same fraction) but keeps every exponent ≤ 0.
 *
 * <p>Check your work with the public tests in {@code exercises/src/test/java/cnn/SoftmaxTest.java}:
 * {@code mvn -q -Pstudent -pl exercises -am test -Dtest=SoftmaxTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (see the README).
 */
public final class Softmax {
    private Softmax() {}

    /**
     * @param scores raw scores (logits), at least one, finite
     * @return probabilities of the same length, summing to 1
     * @throws IllegalArgumentException if scores is null or empty, or holds NaN or an infinity
     */
    public static double[] apply(double[] scores) {
        // TODO Extra 1: find the largest score m, compute e^(z_i − m) for every score, divide each by their sum.
        throw new UnsupportedOperationException(
                "Extra 1 (Softmax) is not implemented yet — see exercises/src/main/java/cnn/Softmax.java");
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
        // TODO Part 2, Extra 1: y = apply(scores); return y[i] * (outputGradient[i] - dot(outputGradient, y)).
        throw new UnsupportedOperationException(
                "Extra 1 (Softmax) backward pass is not implemented yet — see exercises/src/main/java/cnn/Softmax.java");
    }
}
