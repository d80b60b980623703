package cnnkit.hidden;

import cnn.Softmax;
import cnnkit.hidden.support.Expect;
import cnnkit.hidden.support.Gen;
import cnnkit.hidden.support.HiddenProperty;
import cnnkit.hidden.support.Oracle;
import cnnkit.hidden.support.WrongOracles;
import cnnkit.lecture.LectureData;
import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden checks of Extra 1, Softmax: {@code e^z_i / Σ e^z_j}, stable for huge and very negative scores. */
@DisplayName("Extra 1 — Softmax")
class SoftmaxHiddenTest {
    private static void expectSoftmax(double[] scores) {
        Expect.given("scores", scores)
                .expecting(Oracle.softmax(scores), WrongOracles.softmax(scores))
                .check(() -> Softmax.apply(scores));
    }

    @Test
    @DisplayName("the dense layer's scores (1.9, 0.9) give the probabilities (0.731, 0.269)")
    void lectureScores() {
        double[] scores = LectureData.denseScores();
        Expect.given("scores", scores)
                .expecting(LectureData.probabilities(), WrongOracles.softmax(scores))
                .check(() -> Softmax.apply(scores));
    }

    @Test
    @DisplayName("equal scores give equal probabilities")
    void equalScores() {
        expectSoftmax(new double[] {2, 2, 2, 2});
    }

    @Test
    @DisplayName("negative and fractional scores")
    void negativeAndFractionalScores() {
        expectSoftmax(new double[] {-1.5, 0.25, 2, -0.75});
    }

    @Test
    @DisplayName("a single score gets probability 1")
    void singleScore() {
        expectSoftmax(new double[] {-3.5});
    }

    @Test
    @DisplayName("huge scores (1000, 999, 998) do not overflow")
    void hugeScores() {
        expectSoftmax(new double[] {1000, 999, 998});
    }

    @Test
    @DisplayName("very negative scores (−1000, −1001, −1002) do not underflow to 0 / 0")
    void veryNegativeScores() {
        expectSoftmax(new double[] {-1000, -1001, -1002});
    }

    @Test
    @DisplayName("scores far apart (1000, 0, −1000): the largest takes (almost) everything")
    void scoresFarApart() {
        expectSoftmax(new double[] {1000, 0, -1000});
    }

    @HiddenProperty
    @Label("on random scores the probabilities are e^z_i / Σ e^z_j and sum to 1")
    void probabilitiesAreNormalisedExponentials(@ForAll("scores") double[] scores) {
        expectSoftmax(scores);
    }

    @HiddenProperty
    @Label("adding the same number to every score changes no probability")
    void softmaxIsShiftInvariant(
            @ForAll("scores") double[] scores, @ForAll @DoubleRange(min = -800, max = 800) double shift) {
        double[] shifted = Arrays.stream(scores).map(x -> x + shift).toArray();
        Expect.given("scores", shifted)
                .expecting(Oracle.softmax(scores), WrongOracles.softmax(shifted))
                .check(() -> Softmax.apply(shifted));
    }

    @Test
    @DisplayName("null or empty scores are rejected with IllegalArgumentException")
    void rejectsNullAndEmpty() {
        Expect.given("scores", null).rejects("the scores are null", () -> Softmax.apply(null));
        Expect.given("scores", new double[0]).rejects("there are no scores", () -> Softmax.apply(new double[0]));
    }

    @Test
    @DisplayName("a NaN or infinite score is rejected with IllegalArgumentException")
    void rejectsNaNAndInfiniteScores() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            double[] scores = {1, bad, 0};
            Expect.given("scores", scores).rejects("a score is " + bad, () -> Softmax.apply(scores));
        }
    }

    @Test
    @DisplayName("the scores given to softmax are left unchanged")
    void leavesTheScoresUnchanged() {
        double[] scores = {1.9, 0.9, -0.5};
        Expect.given("scores", scores).leavesInputsUnchanged("softmax-in-place", () -> Softmax.apply(scores));
    }

    @Provide
    Arbitrary<double[]> scores() {
        return Gen.vector(1, 6, -30, 30);
    }
}
