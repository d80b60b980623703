package cnnkit.hidden;

import cnn.ErrorMeasures;
import cnnkit.hidden.support.Expect;
import cnnkit.hidden.support.Gen;
import cnnkit.hidden.support.HiddenProperty;
import cnnkit.hidden.support.Oracle;
import cnnkit.hidden.support.WrongOracles;
import cnnkit.lecture.LectureData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks of Extra 3, the error measures of the lecture's NN1/NN2 table: classification error (argmax,
 * first index on ties), mean squared error (summed over classes, averaged over rows) and cross-entropy
 * (averaged over rows).
 */
@DisplayName("Extra 3 — Error measures")
class ErrorMeasuresHiddenTest {
    private static final double[][] PREDICTED_3 = {{0.2, 0.5, 0.3}, {0.6, 0.3, 0.1}, {0.1, 0.1, 0.8}, {0.4, 0.4, 0.2}};
    private static final double[][] ACTUAL_3 = {{0, 1, 0}, {0, 0, 1}, {0, 0, 1}, {0, 1, 0}};

    private static void expectAll(double[][] p, double[][] t) {
        Expect.given("predicted", p, "actual", t)
                .expecting(Oracle.classificationError(p, t), WrongOracles.classificationError(p, t))
                .check(() -> ErrorMeasures.classificationError(p, t));
        Expect.given("predicted", p, "actual", t)
                .expecting(Oracle.meanSquaredError(p, t), WrongOracles.meanSquaredError(p, t))
                .check(() -> ErrorMeasures.meanSquaredError(p, t));
        Expect.given("predicted", p, "actual", t)
                .expecting(Oracle.crossEntropy(p, t), WrongOracles.crossEntropy(p, t))
                .check(() -> ErrorMeasures.crossEntropy(p, t));
    }

    private static void expectTable(String name) {
        LectureData.Network net = LectureData.network(name);
        LectureData.Measures m = LectureData.measures(name);
        double[][] p = net.predicted();
        double[][] t = net.actual();
        Expect.given("predicted", p, "actual", t)
                .expecting(m.classificationError(), WrongOracles.classificationError(p, t))
                .check(() -> ErrorMeasures.classificationError(p, t));
        Expect.given("predicted", p, "actual", t)
                .expecting(m.meanSquaredError(), WrongOracles.meanSquaredError(p, t))
                .check(() -> ErrorMeasures.meanSquaredError(p, t));
        Expect.given("predicted", p, "actual", t)
                .expecting(m.crossEntropy(), WrongOracles.crossEntropy(p, t))
                .check(() -> ErrorMeasures.crossEntropy(p, t));
    }

    @Test
    @DisplayName("NN1's row of the lecture's table: classification error 1/3, MSE 0.25, cross-entropy 0.38")
    void lectureTableNn1() {
        expectTable("NN1");
    }

    @Test
    @DisplayName("NN2's row of the lecture's table: classification error 1/3, MSE 0.71, cross-entropy 1.06")
    void lectureTableNn2() {
        expectTable("NN2");
    }

    @Test
    @DisplayName("four observations of three classes")
    void threeClasses() {
        expectAll(PREDICTED_3, ACTUAL_3);
    }

    @Test
    @DisplayName("a tie between two classes counts as the first of them (argmax takes the first index)")
    void tiesGoToTheFirstIndex() {
        double[][] p = {{0.5, 0.5}, {0.3, 0.7}, {0.4, 0.6}};
        double[][] t = {{1, 0}, {0, 1}, {0, 1}};
        Expect.given("predicted", p, "actual", t)
                .expecting(Oracle.classificationError(p, t), WrongOracles.classificationError(p, t))
                .check(() -> ErrorMeasures.classificationError(p, t));
        double[][] p3 = {{0.4, 0.2, 0.4}, {0.1, 0.45, 0.45}};
        double[][] t3 = {{1, 0, 0}, {0, 0, 1}};
        Expect.given("predicted", p3, "actual", t3)
                .expecting(Oracle.classificationError(p3, t3), WrongOracles.classificationError(p3, t3))
                .check(() -> ErrorMeasures.classificationError(p3, t3));
    }

    @Test
    @DisplayName("a single perfect observation: every measure is 0")
    void perfectPrediction() {
        expectAll(new double[][] {{0, 1, 0}}, new double[][] {{0, 1, 0}});
    }

    @HiddenProperty
    @Label("on random tables each measure is the lecture's formula, averaged over the rows")
    void measuresAreAveragesOverTheRows(@ForAll("tables") double[][] p, @ForAll("seeds") int seed) {
        double[][] t = new double[p.length][];
        for (int r = 0; r < p.length; r++) {
            t[r] = Gen.oneHot(p[r].length, Math.floorMod(seed + 7 * r, p[r].length));
        }
        expectAll(p, t);
    }

    @HiddenProperty
    @Label("classification error is the share of rows whose most probable class is wrong")
    void classificationErrorIsAShareOfRows(
            @ForAll @IntRange(min = 1, max = 8) int rows, @ForAll @IntRange(min = 0, max = 8) int wrong) {
        int w = Math.min(wrong, rows);
        double[][] p = new double[rows][];
        double[][] t = new double[rows][];
        for (int r = 0; r < rows; r++) {
            t[r] = new double[] {1, 0, 0};
            p[r] = r < w ? new double[] {0.2, 0.7, 0.1} : new double[] {0.6, 0.3, 0.1};
        }
        Expect.given("predicted", p, "actual", t)
                .expecting((double) w / rows, WrongOracles.classificationError(p, t))
                .check(() -> ErrorMeasures.classificationError(p, t));
    }

    @Test
    @DisplayName("null, empty and ragged tables are rejected with IllegalArgumentException")
    void rejectsNullEmptyAndRagged() {
        double[][] t = {{1, 0}};
        Expect.given("predicted", null, "actual", t)
                .rejects("predicted is null", () -> ErrorMeasures.classificationError(null, t));
        Expect.given("predicted", t, "actual", null)
                .rejects("actual is null", () -> ErrorMeasures.meanSquaredError(t, null));
        Expect.given("predicted", new double[0][], "actual", new double[0][])
                .rejects("the tables have no rows", () -> ErrorMeasures.crossEntropy(new double[0][], new double[0][]));
        double[][] ragged = {{0.5, 0.5}, {1}};
        double[][] two = {{1, 0}, {0, 1}};
        Expect.given("predicted", ragged, "actual", two)
                .rejects("predicted is ragged", () -> ErrorMeasures.meanSquaredError(ragged, two));
        Expect.given("predicted", ragged, "actual", two)
                .rejects("predicted is ragged", () -> ErrorMeasures.classificationError(ragged, two));
    }

    @Test
    @DisplayName("tables of different shapes are rejected with IllegalArgumentException")
    void rejectsMismatchedShapes() {
        double[][] p = {{0.5, 0.5}, {0.1, 0.9}};
        double[][] threeRows = {{1, 0}, {0, 1}, {1, 0}};
        double[][] threeCols = {{1, 0, 0}, {0, 1, 0}};
        Expect.given("predicted", p, "actual", threeRows)
                .rejects(
                        "2 rows of predictions but 3 of targets",
                        () -> ErrorMeasures.classificationError(p, threeRows));
        Expect.given("predicted", p, "actual", threeCols)
                .rejects(
                        "2 classes predicted but 3 in the targets", () -> ErrorMeasures.meanSquaredError(p, threeCols));
        Expect.given("predicted", p, "actual", threeRows)
                .rejects("2 rows of predictions but 3 of targets", () -> ErrorMeasures.crossEntropy(p, threeRows));
    }

    @Test
    @DisplayName("cross-entropy rejects a value outside [0, 1], or NaN, with IllegalArgumentException")
    void crossEntropyRejectsValuesOutsideZeroOne() {
        double[][] ok = {{0.5, 0.5}};
        for (double bad : new double[] {-0.1, 1.5, Double.NaN}) {
            double[][] wrong = {{bad, 0.5}};
            Expect.given("predicted", wrong, "actual", ok)
                    .rejects("a probability is " + bad, () -> ErrorMeasures.crossEntropy(wrong, ok));
            Expect.given("predicted", ok, "actual", wrong)
                    .rejects("a target is " + bad, () -> ErrorMeasures.crossEntropy(ok, wrong));
        }
    }

    @Test
    @DisplayName("the tables given to the measures are left unchanged")
    void leavesInputsUnchanged() {
        LectureData.Network nn2 = LectureData.network("NN2");
        double[][] p = nn2.predicted();
        double[][] t = nn2.actual();
        Expect.given("predicted", p, "actual", t)
                .leavesInputsUnchanged(null, () -> ErrorMeasures.classificationError(p, t));
        Expect.given("predicted", p, "actual", t)
                .leavesInputsUnchanged(null, () -> ErrorMeasures.meanSquaredError(p, t));
        Expect.given("predicted", p, "actual", t).leavesInputsUnchanged(null, () -> ErrorMeasures.crossEntropy(p, t));
    }

    @Provide
    Arbitrary<double[][]> tables() {
        return Arbitraries.integers()
                .between(1, 6)
                .flatMap(rows -> Arbitraries.integers()
                        .between(2, 4)
                        .flatMap(cols -> Gen.vector(cols, cols, 0.01, 5)
                                .map(Gen::normalise)
                                .array(double[][].class)
                                .ofSize(rows)));
    }

    @Provide
    Arbitrary<Integer> seeds() {
        return Arbitraries.integers().between(0, 1000);
    }
}
