package cnnkit.hidden;

import cnn.Relu;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden checks of Step 1(b), ReLU: {@code max(0, x)} in every cell, on one map and on a stack of maps. */
@DisplayName("Step 1(b) — ReLU")
class ReluHiddenTest {
    private static void expectRelu(double[][] map) {
        Expect.given("featureMap", map)
                .expecting(Oracle.relu(map), WrongOracles.relu(map))
                .check(() -> Relu.apply(map));
    }

    @Test
    @DisplayName("the lecture's feature map is unchanged by ReLU (it has no negative cells)")
    void lectureFeatureMap() {
        double[][] map = LectureData.featureMap();
        Expect.given("featureMap", map)
                .expecting(LectureData.rectifiedMap(), WrongOracles.relu(map))
                .check(() -> Relu.apply(map));
    }

    @Test
    @DisplayName("negative cells become 0, positive cells stay (the kit's signed example map)")
    void signedExampleMap() {
        double[][] both = LectureData.matrix("Relu/signed-map.csv");
        double[][] map = Arrays.copyOfRange(both, 0, 3);
        Expect.given("featureMap", map)
                .expecting(Arrays.copyOfRange(both, 3, 6), WrongOracles.relu(map))
                .check(() -> Relu.apply(map));
    }

    @Test
    @DisplayName("a rectangular map with fractions: only the negative cells change")
    void rectangularMapWithFractions() {
        expectRelu(new double[][] {{-0.5, 2.25, 0, -7}, {3, -1e-3, 1e-3, 12.5}});
    }

    @Test
    @DisplayName("a map with only negative cells becomes all zeros")
    void allNegativeMap() {
        expectRelu(new double[][] {{-1, -2}, {-3, -0.25}, {-4, -5}});
    }

    @Test
    @DisplayName("NaN stays NaN (the Javadoc's rule): it is neither above nor below 0")
    void keepsNaN() {
        expectRelu(new double[][] {{Double.NaN, -1}, {2, Double.NaN}});
    }

    @Test
    @DisplayName("a 1x1 map")
    void singleCell() {
        expectRelu(new double[][] {{-2}});
    }

    @Test
    @DisplayName("a stack of maps: ReLU applies to every map")
    void stackOfMaps() {
        double[][][] maps = {{{-1, 2}, {3, -4}}, {{5, -6}, {-7, 0}}, {{0.5, -0.5}, {-8, 9}}};
        Expect.given("featureMaps", maps)
                .expecting(Oracle.relu(maps), WrongOracles.relu(maps))
                .check(() -> Relu.apply(maps));
    }

    @HiddenProperty
    @Label("every cell becomes max(0, cell), on random maps")
    void everyCellBecomesMaxOfZeroAndTheCell(@ForAll("maps") double[][] map) {
        expectRelu(map);
    }

    @HiddenProperty
    @Label("a stack of random maps: every map is rectified on its own")
    void everyMapOfAStackIsRectified(@ForAll("stacks") double[][][] maps) {
        Expect.given("featureMaps", maps)
                .expecting(Oracle.relu(maps), WrongOracles.relu(maps))
                .check(() -> Relu.apply(maps));
    }

    @HiddenProperty
    @Label("ReLU is idempotent: applying it twice gives what applying it once gives")
    void reluIsIdempotent(@ForAll("maps") double[][] map) {
        double[][] once = Oracle.relu(map);
        Expect.given("featureMap", once).expecting(once).check(() -> Relu.apply(once));
    }

    @Test
    @DisplayName("a null map is rejected with IllegalArgumentException")
    void rejectsNull() {
        Expect.given("featureMap", null).rejects("the map is null", () -> Relu.apply((double[][]) null));
        Expect.given("featureMaps", null).rejects("the stack is null", () -> Relu.apply((double[][][]) null));
    }

    @Test
    @DisplayName("an empty map is rejected with IllegalArgumentException")
    void rejectsEmpty() {
        Expect.given("featureMap", new double[0][]).rejects("the map has no rows", () -> Relu.apply(new double[0][]));
        Expect.given("featureMap", new double[2][0])
                .rejects("the map has no columns", () -> Relu.apply(new double[2][0]));
        Expect.given("featureMaps", new double[0][][])
                .rejects("the stack has no maps", () -> Relu.apply(new double[0][][]));
    }

    @Test
    @DisplayName("a ragged map (rows of different lengths) is rejected with IllegalArgumentException")
    void rejectsRagged() {
        double[][] ragged = {{1, 2, 3}, {4, 5}};
        Expect.given("featureMap", ragged).rejects("row 1 is shorter than row 0", () -> Relu.apply(ragged));
    }

    @Test
    @DisplayName("a stack of maps of different shapes is rejected with IllegalArgumentException")
    void rejectsMapsOfDifferentShapes() {
        double[][][] maps = {{{1, 2}, {3, 4}}, {{1, 2, 3}, {4, 5, 6}}};
        Expect.given("featureMaps", maps).rejects("map 1 is 2x3 but map 0 is 2x2", () -> Relu.apply(maps));
    }

    @Test
    @DisplayName("the feature map given to ReLU is left unchanged")
    void leavesTheMapUnchanged() {
        double[][] map = {{-1, 2}, {3, -4}};
        Expect.given("featureMap", map).leavesInputsUnchanged("relu-in-place", () -> Relu.apply(map));
        double[][][] maps = {{{-1, 2}, {3, -4}}};
        Expect.given("featureMaps", maps).leavesInputsUnchanged("relu-in-place", () -> Relu.apply(maps));
    }

    @Provide
    Arbitrary<double[][]> maps() {
        return Gen.matrix(1, 6);
    }

    @Provide
    Arbitrary<double[][][]> stacks() {
        return Gen.stack(1, 5);
    }
}
