package cnnkit.hidden;

import cnn.CrossEntropy;
import cnnkit.hidden.support.Expect;
import cnnkit.hidden.support.Gen;
import cnnkit.hidden.support.HiddenProperty;
import cnnkit.hidden.support.Oracle;
import cnnkit.hidden.support.WrongOracles;
import cnnkit.lecture.LectureData;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks of Extra 2, Cross-entropy: {@code −Σ t ln p} with {@code 0 · ln 0 = 0}, and its gradient with
 * respect to the scores, {@code y − t} with {@code y = softmax(scores)}.
 */
@DisplayName("Extra 2 — Cross-entropy")
class CrossEntropyHiddenTest {
    private static void expectLoss(double[] p, double[] t) {
        Expect.given("predicted", p, "actual", t)
                .expecting(Oracle.loss(p, t), WrongOracles.loss(p, t))
                .check(() -> CrossEntropy.loss(p, t));
    }

    private static void expectGradient(double[] z, double[] t) {
        Expect.given("scores", z, "actual", t)
                .expecting(Oracle.gradient(z, t), WrongOracles.gradient(z, t))
                .check(() -> CrossEntropy.gradient(z, t));
    }

    @Test
    @DisplayName("the softmax output (0.731, 0.269) for a dog gives the loss −ln 0.731 = 0.313")
    void lectureLoss() {
        Map<String, Double> example = LectureData.crossEntropyExample();
        double[] p = LectureData.probabilities();
        double[] t = {example.get("target_dog"), example.get("target_cat")};
        Expect.given("predicted", p, "actual", t)
                .expecting(example.get("loss"), WrongOracles.loss(p, t))
                .check(() -> CrossEntropy.loss(p, t));
    }

    @Test
    @DisplayName("NN1's third row (Dog 0.4, Cat 0.6, actually a dog) gives −ln 0.4")
    void nn1ThirdRow() {
        LectureData.Network nn1 = LectureData.network("NN1");
        expectLoss(nn1.predicted()[2], nn1.actual()[2]);
    }

    @Test
    @DisplayName("three classes, the true one the least likely")
    void threeClasses() {
        expectLoss(new double[] {0.7, 0.2, 0.1}, new double[] {0, 0, 1});
    }

    @Test
    @DisplayName("a class with target 0 and probability 0 adds nothing (0 · ln 0 = 0)")
    void zeroTimesLogZeroIsZero() {
        expectLoss(new double[] {0, 0.75, 0.25}, new double[] {0, 1, 0});
    }

    @Test
    @DisplayName("probability 0 for the true class gives an infinite loss")
    void trueClassWithProbabilityZero() {
        expectLoss(new double[] {0, 1}, new double[] {1, 0});
    }

    @Test
    @DisplayName("a target that is not one-hot: every class is weighted by its target")
    void softTarget() {
        expectLoss(new double[] {0.5, 0.3, 0.2}, new double[] {0.25, 0.25, 0.5});
    }

    @Test
    @DisplayName("the gradient for the dense scores (1.9, 0.9) and a dog is y − t = (−0.269, 0.269)")
    void lectureGradient() {
        Map<String, Double> example = LectureData.crossEntropyExample();
        double[] z = LectureData.denseScores();
        double[] t = {example.get("target_dog"), example.get("target_cat")};
        Expect.given("scores", z, "actual", t)
                .expecting(
                        new double[] {example.get("gradient_dog"), example.get("gradient_cat")},
                        WrongOracles.gradient(z, t))
                .check(() -> CrossEntropy.gradient(z, t));
    }

    @Test
    @DisplayName("the gradient for three classes is softmax(scores) − target")
    void gradientThreeClasses() {
        expectGradient(new double[] {2, 1, -1}, new double[] {0, 0, 1});
    }

    @Test
    @DisplayName("the gradient for large scores (50, −20, 10)")
    void gradientLargeScores() {
        expectGradient(new double[] {50, -20, 10}, new double[] {0, 1, 0});
    }

    @Test
    @DisplayName("the gradient for huge scores (1000, 0, −1000) does not overflow: softmax stays stable")
    void gradientHugeScores() {
        expectGradient(new double[] {1000, 0, -1000}, new double[] {0, 1, 0});
    }

    @HiddenProperty
    @Label("on random distributions the loss is −Σ t ln p")
    void lossIsMinusSumOfTargetTimesLog(@ForAll("positives") double[] raw, @ForAll @IntRange(max = 5) int hot) {
        double[] p = Gen.normalise(raw);
        expectLoss(p, Gen.oneHot(p.length, hot % p.length));
    }

    @HiddenProperty
    @Label("on random scores the gradient is softmax(scores) − target")
    void gradientIsPredictionMinusTarget(@ForAll("scores") double[] z, @ForAll @IntRange(max = 5) int hot) {
        expectGradient(z, Gen.oneHot(z.length, hot % z.length));
    }

    @HiddenProperty
    @Label("for a one-hot target the gradient's components sum to 0")
    void gradientComponentsSumToZero(@ForAll("scores") double[] z, @ForAll @IntRange(max = 5) int hot) {
        double[] t = Gen.oneHot(z.length, hot % z.length);
        Expect.given("scores", z, "actual", t)
                .expecting(0.0, java.util.List.of())
                .check(() -> {
                    double sum = 0;
                    for (double g : CrossEntropy.gradient(z, t)) {
                        sum += g;
                    }
                    return Math.abs(sum) < 1e-9 ? 0.0 : sum;
                });
    }

    @Test
    @DisplayName("null or empty arrays, or arrays of different lengths, are rejected with IllegalArgumentException")
    void rejectsNullEmptyAndMismatched() {
        double[] p = {0.5, 0.5};
        Expect.given("predicted", null, "actual", p).rejects("predicted is null", () -> CrossEntropy.loss(null, p));
        Expect.given("predicted", p, "actual", null).rejects("actual is null", () -> CrossEntropy.loss(p, null));
        Expect.given("predicted", new double[0], "actual", new double[0])
                .rejects("the arrays are empty", () -> CrossEntropy.loss(new double[0], new double[0]));
        Expect.given("predicted", p, "actual", new double[] {1, 0, 0})
                .rejects("2 probabilities but 3 targets", () -> CrossEntropy.loss(p, new double[] {1, 0, 0}));
        Expect.given("scores", null, "actual", p).rejects("scores is null", () -> CrossEntropy.gradient(null, p));
        Expect.given("scores", new double[0], "actual", new double[0])
                .rejects("the arrays are empty", () -> CrossEntropy.gradient(new double[0], new double[0]));
        Expect.given("scores", new double[] {1, 2, 3}, "actual", p)
                .rejects("3 scores but 2 targets", () -> CrossEntropy.gradient(new double[] {1, 2, 3}, p));
    }

    @Test
    @DisplayName("a probability or target outside [0, 1], or NaN, is rejected with IllegalArgumentException")
    void rejectsValuesOutsideZeroOne() {
        double[] p = {0.5, 0.5};
        for (double bad : new double[] {-0.1, 1.5, Double.NaN}) {
            double[] wrong = {bad, 0.5};
            Expect.given("predicted", wrong, "actual", p)
                    .rejects("a probability is " + bad, () -> CrossEntropy.loss(wrong, p));
            Expect.given("predicted", p, "actual", wrong)
                    .rejects("a target is " + bad, () -> CrossEntropy.loss(p, wrong));
        }
    }

    @Test
    @DisplayName("the gradient rejects a score that is not finite, or a NaN target, with IllegalArgumentException")
    void gradientRejectsNonFiniteScoresAndNaNTargets() {
        double[] t = {1, 0};
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            double[] z = {bad, 0};
            Expect.given("scores", z, "actual", t).rejects("a score is " + bad, () -> CrossEntropy.gradient(z, t));
        }
        double[] nanTarget = {Double.NaN, 0};
        double[] z = {1, 0};
        Expect.given("scores", z, "actual", nanTarget)
                .rejects("a target is NaN", () -> CrossEntropy.gradient(z, nanTarget));
    }

    @Test
    @DisplayName("the arrays given to loss and gradient are left unchanged")
    void leavesInputsUnchanged() {
        double[] p = {0.2, 0.7, 0.1};
        double[] t = {0, 1, 0};
        Expect.given("predicted", p, "actual", t).leavesInputsUnchanged(null, () -> CrossEntropy.loss(p, t));
        double[] z = {1.9, 0.9, -1};
        Expect.given("scores", z, "actual", t)
                .leavesInputsUnchanged("gradient-in-place", () -> CrossEntropy.gradient(z, t));
    }

    @Provide
    Arbitrary<double[]> positives() {
        return Gen.vector(2, 6, 0.01, 5);
    }

    @Provide
    Arbitrary<double[]> scores() {
        return Gen.vector(2, 6, -20, 20);
    }
}
