package cnn;

import static cnn.Expect.in;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Public tests of Extra 1 — Softmax: the pipeline's scores and a few small cases. The hidden tests used for grading
 * check more (sums to 1, shift invariance, huge and tiny scores, every bad-argument rule of the Javadoc).
 */
@DisplayName("Extra 1 — Softmax")
class SoftmaxTest {
    @Nested
    @DisplayName("the lecture's pipeline")
    class Lecture {
        @Test
        @DisplayName("the scores Dog 1.9, Cat 0.9 become the probabilities 0.731, 0.269")
        void lectureProbabilities() {
            double[] scores = LectureData.denseScores();
            Expect.vector(
                    "softmax of the pipeline's scores",
                    LectureData.probabilities(),
                    Softmax.apply(scores),
                    in("scores", scores));
        }
    }

    @Nested
    @DisplayName("small cases")
    class Small {
        @Test
        @DisplayName("equal scores share the probability equally")
        void equalScores() {
            double[] scores = {3, 3, 3, 3};
            Expect.vector(
                    "softmax of four equal scores",
                    new double[] {0.25, 0.25, 0.25, 0.25},
                    Softmax.apply(scores),
                    in("scores", scores));
        }

        @Test
        @DisplayName("huge scores do not overflow (subtract the largest score first)")
        void hugeScores() {
            double[] scores = {1000, 999, -1000};
            double e = Math.exp(-1);
            Expect.vector(
                    "softmax of huge scores: e^1000 overflows a double",
                    new double[] {1 / (1 + e), e / (1 + e), 0},
                    Softmax.apply(scores),
                    in("scores", scores));
        }

        @Test
        @DisplayName("the scores are not changed")
        void scoresUnchanged() {
            double[] scores = {1, 2};
            Softmax.apply(scores);
            Expect.vector("the scores passed to Softmax.apply must stay as they were", new double[] {1, 2}, scores);
        }

        @Test
        @DisplayName("empty scores are rejected")
        void emptyRejected() {
            Expect.rejects(
                    "Softmax.apply(new double[0]) must throw IllegalArgumentException",
                    () -> Softmax.apply(new double[0]));
        }

        @Test
        @DisplayName("a NaN or infinite score is rejected")
        void nanAndInfinityRejected() {
            Expect.rejects(
                    "Softmax.apply({1, NaN}) must throw IllegalArgumentException",
                    () -> Softmax.apply(new double[] {1, Double.NaN}));
            Expect.rejects(
                    "Softmax.apply({1, Infinity}) must throw IllegalArgumentException",
                    () -> Softmax.apply(new double[] {1, Double.POSITIVE_INFINITY}));
        }

        @Test
        @DisplayName("null scores are rejected")
        void nullRejected() {
            Expect.rejects("Softmax.apply(null) must throw IllegalArgumentException", () -> Softmax.apply(null));
        }
    }
}
