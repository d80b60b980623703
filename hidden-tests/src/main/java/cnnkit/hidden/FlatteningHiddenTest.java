package cnnkit.hidden;

import cnn.Flattening;
import cnnkit.hidden.support.Expect;
import cnnkit.hidden.support.Gen;
import cnnkit.hidden.support.HiddenProperty;
import cnnkit.hidden.support.Oracle;
import cnnkit.hidden.support.WrongOracles;
import cnnkit.lecture.LectureData;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden checks of Step 3, Flattening: row by row, and for a stack map after map, each row by row. */
@DisplayName("Step 3 — Flattening")
class FlatteningHiddenTest {
    private static void expectFlat(double[][] map) {
        Expect.given("pooledFeatureMap", map)
                .expecting(Oracle.flatten(map), WrongOracles.flatten(map))
                .check(() -> Flattening.flatten(map));
    }

    private static void expectFlat(double[][][] maps) {
        Expect.given("pooledFeatureMaps", maps)
                .expecting(Oracle.flatten(maps), WrongOracles.flatten(maps))
                .check(() -> Flattening.flatten(maps));
    }

    @Test
    @DisplayName("the lecture's pooled map flattens row by row to [1, 1, 0, 4, 2, 1, 0, 2, 1]")
    void lectureExample() {
        double[][] map = LectureData.pooledMap();
        Expect.given("pooledFeatureMap", map)
                .expecting(LectureData.flattened(), WrongOracles.flatten(map))
                .check(() -> Flattening.flatten(map));
    }

    @Test
    @DisplayName("a rectangular 2x4 map: the first row, then the second")
    void rectangularMap() {
        expectFlat(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});
    }

    @Test
    @DisplayName("a tall 4x2 map")
    void tallMap() {
        expectFlat(new double[][] {{1, -1}, {2, -2}, {3, -3}, {0.5, 4}});
    }

    @Test
    @DisplayName("a single row and a single column keep their order")
    void singleRowAndColumn() {
        expectFlat(new double[][] {{3, 1, 2}});
        expectFlat(new double[][] {{3}, {1}, {2}});
    }

    @Test
    @DisplayName("a stack of two 2x3 maps: map after map, each row by row")
    void stackOfMaps() {
        expectFlat(new double[][][] {{{1, 2, 3}, {4, 5, 6}}, {{7, 8, 9}, {10, 11, 12}}});
    }

    @HiddenProperty
    @Label("flattening keeps every cell of a random map, row by row")
    void flatteningKeepsEveryCellRowByRow(@ForAll("maps") double[][] map) {
        expectFlat(map);
    }

    @HiddenProperty
    @Label("a random stack flattens to its maps' flattenings one after the other")
    void aStackFlattensMapAfterMap(@ForAll("stacks") double[][][] maps) {
        expectFlat(maps);
    }

    @Test
    @DisplayName("null, empty and ragged maps are rejected with IllegalArgumentException")
    void rejectsNullEmptyAndRagged() {
        Expect.given("pooledFeatureMap", null).rejects("the map is null", () -> Flattening.flatten((double[][]) null));
        Expect.given("pooledFeatureMaps", null)
                .rejects("the stack is null", () -> Flattening.flatten((double[][][]) null));
        Expect.given("pooledFeatureMap", new double[0][])
                .rejects("the map has no rows", () -> Flattening.flatten(new double[0][]));
        Expect.given("pooledFeatureMap", new double[1][0])
                .rejects("the map has no columns", () -> Flattening.flatten(new double[1][0]));
        double[][] ragged = {{1, 2}, {3, 4, 5}};
        Expect.given("pooledFeatureMap", ragged).rejects("the map is ragged", () -> Flattening.flatten(ragged));
    }

    @Test
    @DisplayName("a stack of maps of different shapes is rejected with IllegalArgumentException")
    void rejectsMapsOfDifferentShapes() {
        double[][][] maps = {{{1, 2}, {3, 4}}, {{1, 2, 3, 4}}};
        Expect.given("pooledFeatureMaps", maps)
                .rejects("map 1 is 1x4 but map 0 is 2x2", () -> Flattening.flatten(maps));
        Expect.given("pooledFeatureMaps", new double[0][][])
                .rejects("the stack has no maps", () -> Flattening.flatten(new double[0][][]));
    }

    @Test
    @DisplayName("the maps given to flatten are left unchanged")
    void leavesInputsUnchanged() {
        double[][] map = LectureData.pooledMap();
        Expect.given("pooledFeatureMap", map).leavesInputsUnchanged(null, () -> Flattening.flatten(map));
        double[][][] maps = {map, map};
        Expect.given("pooledFeatureMaps", maps).leavesInputsUnchanged(null, () -> Flattening.flatten(maps));
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
