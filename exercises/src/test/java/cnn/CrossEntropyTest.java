package cnn;

import static cnn.Expect.in;

import cnnkit.lecture.LectureData;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Public tests of Extra 2 — Cross-entropy and its gradient y − t: lecture numbers and a few small cases. The hidden
 * tests used for grading check more (0 · ln 0, probability 0 for the true class, soft targets, every bad-argument
 * rule of the Javadoc).
 */
@DisplayName("Extra 2 — Cross-entropy")
class CrossEntropyTest {
    @Nested
    @DisplayName("the lecture's examples")
    class Lecture {
        @Test
        @DisplayName("NN1 row #3 (Dog 0.4, Cat 0.6, actually a dog) costs −ln 0.4")
        void nn1RowThree() {
            double[] p = {0.4, 0.6};
            double[] t = {1, 0};
            Expect.number(
                    "loss(predicted, actual), natural log",
                    -Math.log(0.4),
                    CrossEntropy.loss(p, t),
                    in("predicted", p),
                    in("actual", t));
        }

        @Test
        @DisplayName("the pipeline's gradient for a dog is y − t")
        void pipelineGradient() {
            Map<String, Double> ex = LectureData.crossEntropyExample();
            double[] scores = LectureData.denseScores();
            double[] t = {ex.get("target_dog"), ex.get("target_cat")};
            Expect.vector(
                    "gradient(scores, actual) = softmax(scores) − actual",
                    new double[] {ex.get("gradient_dog"), ex.get("gradient_cat")},
                    CrossEntropy.gradient(scores, t),
                    in("scores", scores),
                    in("actual", t));
        }
    }

    @Nested
    @DisplayName("small cases")
    class Small {
        @Test
        @DisplayName("a sure, right prediction costs 0 (0 · ln 0 counts as 0)")
        void sureAndRight() {
            double[] p = {1, 0};
            double[] t = {1, 0};
            Expect.number(
                    "loss of a sure, right prediction",
                    0,
                    CrossEntropy.loss(p, t),
                    in("predicted", p),
                    in("actual", t));
        }

        @Test
        @DisplayName("equal scores: gradient (0.5 − 1, 0.5 − 0)")
        void equalScoresGradient() {
            double[] z = {0, 0};
            double[] t = {1, 0};
            Expect.vector(
                    "gradient of equal scores",
                    new double[] {-0.5, 0.5},
                    CrossEntropy.gradient(z, t),
                    in("scores", z),
                    in("actual", t));
        }

        @Test
        @DisplayName("the gradient leaves the scores unchanged")
        void gradientLeavesScores() {
            double[] z = {1, 2};
            CrossEntropy.gradient(z, new double[] {1, 0});
            Expect.vector("the scores passed to CrossEntropy.gradient must stay as they were", new double[] {1, 2}, z);
        }

        @Test
        @DisplayName("arrays of different lengths are rejected")
        void lengthMismatch() {
            Expect.rejects(
                    "loss({0.5, 0.5}, {1}) must throw IllegalArgumentException",
                    () -> CrossEntropy.loss(new double[] {0.5, 0.5}, new double[] {1}));
        }

        @Test
        @DisplayName("a probability outside [0, 1], or NaN, is rejected")
        void probabilityOutOfRangeRejected() {
            Expect.rejects(
                    "loss({1.5, -0.5}, {1, 0}) must throw IllegalArgumentException",
                    () -> CrossEntropy.loss(new double[] {1.5, -0.5}, new double[] {1, 0}));
            Expect.rejects(
                    "loss({NaN, 1}, {0, 1}) must throw IllegalArgumentException",
                    () -> CrossEntropy.loss(new double[] {Double.NaN, 1}, new double[] {0, 1}));
        }

        @Test
        @DisplayName("null or empty arrays, an infinite score and a NaN target are rejected by the gradient")
        void gradientBadArgumentsRejected() {
            Expect.rejects(
                    "gradient(null, actual) must throw IllegalArgumentException",
                    () -> CrossEntropy.gradient(null, new double[] {1, 0}));
            Expect.rejects(
                    "loss of two empty arrays must throw IllegalArgumentException",
                    () -> CrossEntropy.loss(new double[0], new double[0]));
            Expect.rejects(
                    "gradient of scores (Infinity, 0) must throw IllegalArgumentException",
                    () -> CrossEntropy.gradient(new double[] {Double.POSITIVE_INFINITY, 0}, new double[] {1, 0}));
            Expect.rejects(
                    "gradient with a NaN target must throw IllegalArgumentException",
                    () -> CrossEntropy.gradient(new double[] {1, 0}, new double[] {Double.NaN, 0}));
        }
    }
}
