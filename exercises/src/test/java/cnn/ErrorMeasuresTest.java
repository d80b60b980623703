package cnn;

import static cnn.Expect.in;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Public tests of Extra 3 — Error measures: the lecture's NN1/NN2 table and a few small cases. The hidden tests used
 * for grading check more (more classes and rows, ties, every bad-argument rule of the Javadoc). The slides round to
 * two decimals and print only NN2's MSE and cross-entropy: the exact values are in lecture-data (see ERRATA.md E2).
 */
@DisplayName("Extra 3 — Error measures")
class ErrorMeasuresTest {
    @Nested
    @DisplayName("the lecture's NN1/NN2 table")
    class Lecture {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"NN1", "NN2"})
        @DisplayName("classification error, mean squared error and cross-entropy")
        void table(String name) {
            LectureData.Network nn = LectureData.network(name);
            LectureData.Measures m = LectureData.measures(name);
            Expect.number(
                    name + ": classificationError",
                    m.classificationError(),
                    ErrorMeasures.classificationError(nn.predicted(), nn.actual()),
                    in("predicted", nn.predicted()),
                    in("actual", nn.actual()));
            Expect.number(
                    name + ": meanSquaredError (summed over classes, averaged over rows)",
                    m.meanSquaredError(),
                    ErrorMeasures.meanSquaredError(nn.predicted(), nn.actual()),
                    in("predicted", nn.predicted()),
                    in("actual", nn.actual()));
            Expect.number(
                    name + ": crossEntropy (natural log, averaged over rows)",
                    m.crossEntropy(),
                    ErrorMeasures.crossEntropy(nn.predicted(), nn.actual()),
                    in("predicted", nn.predicted()),
                    in("actual", nn.actual()));
        }
    }

    @Nested
    @DisplayName("small cases")
    class Small {
        @Test
        @DisplayName("a tie goes to the first class")
        void tie() {
            double[][] p = {{0.5, 0.5}};
            double[][] t = {{0, 1}};
            Expect.number(
                    "classificationError when both classes get 0.5 and the truth is the second class",
                    1,
                    ErrorMeasures.classificationError(p, t),
                    in("predicted", p),
                    in("actual", t));
        }

        @Test
        @DisplayName("tables of different shapes are rejected")
        void shapeMismatch() {
            Expect.rejects(
                    "meanSquaredError(1x2, 2x2) must throw IllegalArgumentException",
                    () -> ErrorMeasures.meanSquaredError(new double[][] {{1, 0}}, new double[][] {{1, 0}, {0, 1}}));
        }

        @Test
        @DisplayName("null, empty and ragged tables, and a probability outside [0, 1], are rejected")
        void otherBadArgumentsRejected() {
            double[][] t = {{1, 0}};
            Expect.rejects(
                    "classificationError(null, actual) must throw IllegalArgumentException",
                    () -> ErrorMeasures.classificationError(null, t));
            Expect.rejects(
                    "meanSquaredError of two empty tables must throw IllegalArgumentException",
                    () -> ErrorMeasures.meanSquaredError(new double[0][], new double[0][]));
            Expect.rejects(
                    "crossEntropy of ragged tables (rows of 2 and 1 values) must throw IllegalArgumentException",
                    () -> ErrorMeasures.crossEntropy(new double[][] {{1, 0}, {1}}, new double[][] {{1, 0}, {1}}));
            Expect.rejects(
                    "crossEntropy with a predicted probability of 1.5 must throw IllegalArgumentException",
                    () -> ErrorMeasures.crossEntropy(new double[][] {{1.5, 0}}, t));
        }
    }
}
