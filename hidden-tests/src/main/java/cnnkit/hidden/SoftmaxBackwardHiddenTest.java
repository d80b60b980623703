package cnnkit.hidden;

import cnn.Softmax;
import cnnkit.hidden.support.BackwardOracle;
import cnnkit.hidden.support.CheckFailure;
import cnnkit.hidden.support.Expect;
import cnnkit.hidden.support.Gen;
import cnnkit.hidden.support.HiddenProperty;
import cnnkit.hidden.support.Numeric;
import cnnkit.hidden.support.Oracle;
import cnnkit.hidden.support.Student;
import cnnkit.lecture.LectureData;
import java.util.Arrays;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks of Back E1, softmax's backward pass: the vector-Jacobian product {@code y ⊙ (g − g·y)}, every
 * score depending on every probability, stable for huge scores.
 */
@DisplayName("Back E1 — Softmax backward")
class SoftmaxBackwardHiddenTest {
    private static void expectBackward(double[] z, double[] g) {
        Expect.given("scores", z, "outputGradient", g)
                .expecting(BackwardOracle.softmaxBackward(z, g))
                .check(() -> Softmax.backward(z, g));
    }

    @Nested
    @DisplayName("fixed vectors")
    class FixedVectors {
        @Test
        @DisplayName("the lecture's two scores (1.9, 0.9) with the gradient of −ln y₁")
        void lectureExample() {
            double[] z = LectureData.denseScores();
            double[] y = Oracle.softmax(z);
            double[] g = new double[z.length];
            g[0] = -1 / y[0];
            expectBackward(z, g);
        }

        @Test
        @DisplayName("the same gradient on every probability gives 0 for every score (the probabilities sum to 1)")
        void equalGradientGivesZero() {
            double[] z = {0.5, -1, 2, 0};
            double[] g = {3, 3, 3, 3};
            Expect.given("scores", z, "outputGradient", g)
                    .expecting(new double[] {0, 0, 0, 0})
                    .check(() -> Softmax.backward(z, g));
        }

        @Test
        @DisplayName("a gradient on one probability reaches every score: the diagonal and the off-diagonal terms")
        void oneProbabilityReachesEveryScore() {
            expectBackward(new double[] {1, 2, 3}, new double[] {0, 1, 0});
        }

        @Test
        @DisplayName("huge scores (1000, 999, −1000) give finite gradients, not NaN")
        void hugeScores() {
            expectBackward(new double[] {1000, 999, -1000}, new double[] {1, -2, 0.5});
        }

        @Test
        @DisplayName("a single score: its probability is always 1, so its gradient is 0")
        void singleScore() {
            expectBackward(new double[] {4.2}, new double[] {7});
        }
    }

    @HiddenProperty
    @Label("on random scores the gradient agrees with central differences of your softmax and of the right one")
    void theGradientIsTheSlopeOfSoftmax(@ForAll("scores") double[] z, @ForAll long seed) {
        double[] g = Gen.seeded(seed, 1, z.length)[0];
        double[] got = Student.call(() -> Softmax.backward(z, g));
        Function<double[], Object> yours = v -> Student.call(() -> Softmax.apply(v));
        agree("your softmax", z, g, got, Numeric.gradient(yours, z, g, 1e-5));
        agree("softmax", z, g, got, Numeric.gradient(Oracle::softmax, z, g, 1e-5));
    }

    @HiddenProperty
    @Label("on random scores the gradient is y ⊙ (g − g·y)")
    void theGradientIsTheVectorJacobianProduct(@ForAll("scores") double[] z, @ForAll long seed) {
        expectBackward(z, Gen.seeded(seed, 1, z.length)[0]);
    }

    private static void agree(String forward, double[] z, double[] g, double[] got, double[] numeric) {
        if (got == null || !Numeric.agree(got, numeric)) {
            throw new CheckFailure(
                    "your gradient differs from the central differences of " + forward + " (relative error "
                            + (got == null || got.length != numeric.length
                                    ? "—"
                                    : String.format("%.1e", Numeric.relativeError(got, numeric)))
                            + "; it should be below 1e-6)",
                    "scores = " + Arrays.toString(z) + "\noutputGradient = " + Arrays.toString(g),
                    Arrays.toString(numeric),
                    Arrays.toString(got),
                    null);
        }
    }

    @Nested
    @DisplayName("bad arguments")
    class BadArguments {
        @Test
        @DisplayName("null or empty arrays and lengths that differ are rejected with IllegalArgumentException")
        void rejectsBadArguments() {
            double[] z = {1, 2};
            Expect.given("scores", null).rejects("the scores are null", () -> Softmax.backward(null, z));
            Expect.given("outputGradient", null).rejects("the gradient is null", () -> Softmax.backward(z, null));
            Expect.given("scores", new double[0])
                    .rejects("the scores are empty", () -> Softmax.backward(new double[0], new double[0]));
            double[] three = {1, 2, 3};
            Expect.given("scores", z, "outputGradient", three)
                    .rejects("2 scores but 3 gradient values", () -> Softmax.backward(z, three));
        }

        @Test
        @DisplayName("the scores and the gradient are left unchanged")
        void leavesInputsUnchanged() {
            double[] z = {1000, 999, -1000};
            double[] g = {1, -2, 0.5};
            Expect.given("scores", z, "outputGradient", g).leavesInputsUnchanged(null, () -> Softmax.backward(z, g));
        }
    }

    @Provide
    Arbitrary<double[]> scores() {
        return Gen.vector(1, 8, -5, 5);
    }
}
