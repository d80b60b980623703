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
    private Softmax() {
    }

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
}
