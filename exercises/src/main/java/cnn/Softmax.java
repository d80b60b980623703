package cnn;

/**
 * Softmax turns the output layer's scores into probabilities: {@code e^z_i / Σ_j e^z_j}, all in (0, 1) and
 * summing to 1, so "dog 0.95, cat 0.05" can be read as the network's confidence.
 *
 * <p>Numerical stability: e^1000 overflows a double. Subtracting the largest score first changes nothing
 * mathematically ({@code e^(z−m) / Σ e^(z−m)} is the same fraction) but keeps every exponent ≤ 0.
 */
public final class Softmax {
    private Softmax() {
    }

    /**
     * @param scores raw scores (logits), at least one, finite
     * @return probabilities of the same length, summing to 1
     * @throws IllegalArgumentException if scores is null or empty, or holds NaN or an infinity
     */
    public static double[] apply(double[] scores) {
        // TODO Extra 1: implement Softmax.apply as described above.
        throw new UnsupportedOperationException(
            "Extra 1 (Softmax) is not implemented yet — see exercises/src/main/java/cnn/Softmax.java");
    }
}
