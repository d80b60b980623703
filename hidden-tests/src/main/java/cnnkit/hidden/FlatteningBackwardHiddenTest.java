package cnnkit.hidden;

import cnn.Flattening;
import cnnkit.hidden.support.BackwardOracle;
import cnnkit.hidden.support.Expect;
import cnnkit.hidden.support.Gen;
import cnnkit.hidden.support.HiddenProperty;
import cnnkit.hidden.support.Numeric;
import cnnkit.hidden.support.Oracle;
import cnnkit.hidden.support.Student;
import cnnkit.lecture.LectureData;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks of Back 3, unflattening: flattening only moves cells, so its backward pass puts the flat vector's
 * values back where they came from, map after map, row by row.
 */
@DisplayName("Back 3 — Flattening backward")
class FlatteningBackwardHiddenTest {
    @Nested
    @DisplayName("fixed vectors")
    class FixedVectors {
        @Test
        @DisplayName("the lecture's flattened vector unflattens to its 3x3 pooled map")
        void lectureExample() {
            double[] v = LectureData.flattened();
            Expect.given("vector", v, "rows", 3, "cols", 3)
                    .expecting(LectureData.pooledMap())
                    .check(() -> Flattening.unflatten(v, 3, 3));
        }

        @Test
        @DisplayName("a vector of 12 values into 2 maps of 2x3: map after map, row by row")
        void twoMapsOfTwoByThree() {
            double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
            Expect.given("vector", v, "maps", 2, "rows", 2, "cols", 3)
                    .expecting(new double[][][] {{{1, 2, 3}, {4, 5, 6}}, {{7, 8, 9}, {10, 11, 12}}})
                    .check(() -> Flattening.unflatten(v, 2, 2, 3));
        }

        @Test
        @DisplayName("a vector into 3 maps of 3x1 and into one row of 6: the shape is the one asked for")
        void columnsAndRows() {
            double[] v = {6, 5, 4, 3, 2, 1, 0, -1, -2};
            Expect.given("vector", v, "maps", 3, "rows", 3, "cols", 1)
                    .expecting(BackwardOracle.unflatten(v, 3, 3, 1))
                    .check(() -> Flattening.unflatten(v, 3, 3, 1));
            double[] six = java.util.Arrays.copyOf(v, 6);
            Expect.given("vector", six, "rows", 1, "cols", 6)
                    .expecting(new double[][] {{6, 5, 4, 3, 2, 1}})
                    .check(() -> Flattening.unflatten(six, 1, 6));
        }
    }

    @HiddenProperty
    @Label(
            "on random stacks unflattening the gradient of the flat vector is the slope of your flatten and the right one")
    void unflattenIsTheSlopeOfFlatten(@ForAll("stacks") double[][][] maps, @ForAll long seed) {
        int m = maps.length;
        int rows = maps[0].length;
        int cols = maps[0][0].length;
        double[] g = Gen.seeded(seed, 1, m * rows * cols)[0];
        Expect.given("vector", g, "maps", m, "rows", rows, "cols", cols)
                .expecting(Numeric.gradient(x -> Student.call(() -> Flattening.flatten(x)), maps, g, 1))
                .check(() -> Flattening.unflatten(g, m, rows, cols));
        Expect.given("vector", g, "maps", m, "rows", rows, "cols", cols)
                .expecting(Numeric.gradient(x -> Oracle.flatten(x), maps, g, 1))
                .check(() -> Flattening.unflatten(g, m, rows, cols));
    }

    @HiddenProperty
    @Label("on random maps unflatten undoes flatten")
    void unflattenUndoesFlatten(@ForAll("maps") double[][] map) {
        double[] v = Oracle.flatten(map);
        Expect.given("vector", v, "rows", map.length, "cols", map[0].length)
                .expecting(map)
                .check(() -> Flattening.unflatten(v, map.length, map[0].length));
    }

    @Nested
    @DisplayName("bad arguments")
    class BadArguments {
        @Test
        @DisplayName("a null or empty vector, or a size below 1, is rejected with IllegalArgumentException")
        void rejectsNullEmptyAndSizes() {
            double[] v = {1, 2, 3, 4};
            Expect.given("vector", null).rejects("the vector is null", () -> Flattening.unflatten(null, 2, 2));
            Expect.given("vector", new double[0])
                    .rejects("the vector is empty", () -> Flattening.unflatten(new double[0], 1, 1, 1));
            Expect.given("vector", v, "maps", 0).rejects("maps is 0", () -> Flattening.unflatten(v, 0, 2, 2));
            Expect.given("vector", v, "rows", -2, "cols", -2)
                    .rejects("rows and cols are -2", () -> Flattening.unflatten(v, -2, -2));
            Expect.given("vector", v, "rows", 4, "cols", 0).rejects("cols is 0", () -> Flattening.unflatten(v, 4, 0));
        }

        @Test
        @DisplayName("a vector whose length is not maps · rows · cols is rejected")
        void rejectsWrongLength() {
            double[] v = {1, 2, 3, 4, 5};
            Expect.given("vector", v, "rows", 2, "cols", 2)
                    .rejects("5 values do not fill 2x2", () -> Flattening.unflatten(v, 2, 2));
            Expect.given("vector", v, "maps", 2, "rows", 1, "cols", 2)
                    .rejects("5 values do not fill 2 maps of 1x2", () -> Flattening.unflatten(v, 2, 1, 2));
        }

        @Test
        @DisplayName("the vector is left unchanged")
        void leavesInputsUnchanged() {
            double[] v = LectureData.flattened();
            Expect.given("vector", v).leavesInputsUnchanged(null, () -> Flattening.unflatten(v, 3, 3));
            Expect.given("vector", v).leavesInputsUnchanged(null, () -> Flattening.unflatten(v, 1, 9, 1));
        }
    }

    @Provide
    Arbitrary<double[][]> maps() {
        return Gen.matrix(1, 6);
    }

    @Provide
    Arbitrary<double[][][]> stacks() {
        return Gen.stack(1, 4);
    }
}
