package cnn;

import static cnn.ReferenceFixtures.EPS;
import static cnn.ReferenceFixtures.copy;
import static cnn.ReferenceFixtures.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Extra 3 — Error measures (reference)")
class ErrorMeasuresReferenceTest {
    @Nested
    @DisplayName("the lecture's NN1/NN2 table")
    class Lecture {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"NN1", "NN2"})
        @DisplayName("classification error, MSE and cross-entropy are the exact values of measures.csv")
        void table(String name) {
            LectureData.Network nn = LectureData.network(name);
            LectureData.Measures m = LectureData.measures(name);
            assertThat(ErrorMeasures.classificationError(nn.predicted(), nn.actual()))
                    .isCloseTo(m.classificationError(), within(EPS));
            assertThat(ErrorMeasures.meanSquaredError(nn.predicted(), nn.actual()))
                    .isCloseTo(m.meanSquaredError(), within(EPS));
            assertThat(ErrorMeasures.crossEntropy(nn.predicted(), nn.actual()))
                    .isCloseTo(m.crossEntropy(), within(EPS));
        }

        @Test
        @DisplayName("hand-worked: NN1 0.2533 / 0.3757 and NN2 0.7067 / 1.0567; both misclassify 1 row of 3")
        void handWorked() {
            LectureData.Network nn1 = LectureData.network("NN1");
            LectureData.Network nn2 = LectureData.network("NN2");
            assertThat(ErrorMeasures.classificationError(nn1.predicted(), nn1.actual()))
                    .isEqualTo(1.0 / 3);
            assertThat(ErrorMeasures.classificationError(nn2.predicted(), nn2.actual()))
                    .isEqualTo(1.0 / 3);
            assertThat(ErrorMeasures.meanSquaredError(nn1.predicted(), nn1.actual()))
                    .isCloseTo(0.76 / 3, within(EPS));
            assertThat(ErrorMeasures.meanSquaredError(nn2.predicted(), nn2.actual()))
                    .isCloseTo(2.12 / 3, within(EPS));
            assertThat(ErrorMeasures.crossEntropy(nn1.predicted(), nn1.actual()))
                    .isCloseTo(-(2 * Math.log(0.9) + Math.log(0.4)) / 3, within(EPS));
            assertThat(ErrorMeasures.crossEntropy(nn2.predicted(), nn2.actual()))
                    .isCloseTo(-(Math.log(0.6) + Math.log(0.7) + Math.log(0.1)) / 3, within(EPS));
        }
    }

    @Nested
    @DisplayName("hand-worked small cases")
    class HandWorked {
        @Test
        @DisplayName("ties go to the first class: (0.5, 0.5) predicts class 0")
        void tiesGoToFirstIndex() {
            assertThat(ErrorMeasures.classificationError(new double[][] {{0.5, 0.5}}, new double[][] {{0, 1}}))
                    .isEqualTo(1.0);
            assertThat(ErrorMeasures.classificationError(new double[][] {{0.5, 0.5}}, new double[][] {{1, 0}}))
                    .isEqualTo(0.0);
        }

        @Test
        @DisplayName("three classes, two rows: one wrong, MSE and cross-entropy by hand")
        void threeClasses() {
            double[][] p = {{0.7, 0.2, 0.1}, {0.2, 0.3, 0.5}};
            double[][] t = {{1, 0, 0}, {0, 1, 0}};
            assertThat(ErrorMeasures.classificationError(p, t)).isEqualTo(0.5);
            assertThat(ErrorMeasures.meanSquaredError(p, t))
                    .isCloseTo(((0.09 + 0.04 + 0.01) + (0.04 + 0.49 + 0.25)) / 2, within(EPS));
            assertThat(ErrorMeasures.crossEntropy(p, t)).isCloseTo(-(Math.log(0.7) + Math.log(0.3)) / 2, within(EPS));
        }

        @Test
        @DisplayName("a perfect, sure prediction scores 0 on all three; a sure wrong one costs +∞ cross-entropy")
        void extremes() {
            double[][] t = {{1, 0}, {0, 1}};
            assertThat(ErrorMeasures.classificationError(t, t)).isZero();
            assertThat(ErrorMeasures.meanSquaredError(t, t)).isZero();
            assertThat(ErrorMeasures.crossEntropy(t, t)).isZero();
            assertThat(ErrorMeasures.crossEntropy(new double[][] {{0, 1}}, new double[][] {{1, 0}}))
                    .isEqualTo(Double.POSITIVE_INFINITY);
        }

        @Test
        @DisplayName("does not change its inputs")
        void inputsUnchanged() {
            LectureData.Network nn = LectureData.network("NN2");
            double[][] p = copy(nn.predicted());
            double[][] t = copy(nn.actual());
            ErrorMeasures.classificationError(p, t);
            ErrorMeasures.meanSquaredError(p, t);
            ErrorMeasures.crossEntropy(p, t);
            assertThat(p).isDeepEqualTo(nn.predicted());
            assertThat(t).isDeepEqualTo(nn.actual());
        }
    }

    @Nested
    @DisplayName("bad arguments are rejected with a message naming the problem")
    class BadArguments {
        private final double[][] t = {{1, 0}, {0, 1}};

        @Test
        @DisplayName("null, empty or ragged tables, shapes that differ (rows or classes), non-probabilities")
        void bad() {
            rejects(() -> ErrorMeasures.classificationError(null, t), "predicted", "null");
            rejects(() -> ErrorMeasures.meanSquaredError(t, null), "actual", "null");
            rejects(() -> ErrorMeasures.crossEntropy(new double[0][], t), "predicted", "empty");
            rejects(() -> ErrorMeasures.classificationError(new double[][] {{1, 0}, {1}}, t), "predicted", "ragged");
            rejects(() -> ErrorMeasures.meanSquaredError(new double[][] {{1, 0}}, t), "1x2", "2x2");
            rejects(() -> ErrorMeasures.crossEntropy(new double[][] {{1, 0, 0}, {0, 1, 0}}, t), "2x3", "2x2");
            rejects(() -> ErrorMeasures.crossEntropy(new double[][] {{1.2, 0}, {0, 1}}, t), "predicted[0]", "1.2");
            rejects(
                    () -> ErrorMeasures.crossEntropy(new double[][] {{1, 0}, {0, 1}}, new double[][] {{1, 0}, {0, -1}}),
                    "actual[1]",
                    "-1.0");
        }
    }
}
