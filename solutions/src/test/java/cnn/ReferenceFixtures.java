package cnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared helpers of the reference tests: copies to prove inputs are not mutated, generators, the bad-input check. */
final class ReferenceFixtures {
    /** Tolerance for results computed in a different order than the hand-worked value. */
    static final double EPS = 1e-9;

    private ReferenceFixtures() {}

    static double[][] copy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }

    static double[][][] copy(double[][][] m) {
        return Arrays.stream(m).map(ReferenceFixtures::copy).toArray(double[][][]::new);
    }

    /**
     * Asserts the call throws IllegalArgumentException whose message contains every fragment (case-insensitive):
     * the message must name the problem, not just fail.
     */
    static void rejects(ThrowingCallable call, String... fragments) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).as("message of %s", thrown).isNotBlank();
        for (String fragment : fragments) {
            assertThat(thrown.getMessage().toLowerCase(Locale.ROOT))
                    .as("message '%s'", thrown.getMessage())
                    .contains(fragment.toLowerCase(Locale.ROOT));
        }
    }

    /** Rectangular matrices of h x w cells, h and w in [minSide, maxSide], values in [-10, 10] with 2 decimals. */
    static Arbitrary<double[][]> matricesWithSidesBetween(int minSide, int maxSide) {
        return Combinators.combine(
                        Arbitraries.integers().between(minSide, maxSide),
                        Arbitraries.integers().between(minSide, maxSide))
                .flatAs((h, w) -> matrices(h, w));
    }

    static Arbitrary<double[][]> matrices(int h, int w) {
        return Arbitraries.doubles()
                .between(-10, 10)
                .ofScale(2)
                .array(double[].class)
                .ofSize(w)
                .array(double[][].class)
                .ofSize(h);
    }

    static Arbitrary<double[]> vectors(int minLength, int maxLength) {
        return Arbitraries.doubles()
                .between(-50, 50)
                .ofScale(3)
                .array(double[].class)
                .ofMinSize(minLength)
                .ofMaxSize(maxLength);
    }
}
