package cnnkit.hidden;

import cnn.MaxPooling;
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
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks of Step 2, Max pooling: the largest cell of each window; windows over the right or bottom edge
 * are kept (the lecture pools 5x5 to 3x3), but none starts past the last cell; one window if the map is smaller.
 */
@DisplayName("Step 2 — Max pooling")
class MaxPoolingHiddenTest {
    private static final double[][] MAP_7X6 = {
        {1, 3, 0, -2, 4, 1},
        {2, 0, 5, 1, -1, 0},
        {0, 1, 2, 3, 1, 2},
        {-3, 2, 1, 0, 6, 1},
        {1, 1, 0, 2, 2, 3},
        {4, -1, 3, 0, 1, 0},
        {0, 2, 1, 5, -2, 1}
    };

    private static void expectPooling(double[][] map, int size, int stride) {
        Expect.given("featureMap", map, "size", size, "stride", stride)
                .expecting(Oracle.pool(map, size, stride), WrongOracles.pool(map, size, stride))
                .check(() -> MaxPooling.pool(map, size, stride));
    }

    @Test
    @DisplayName("the lecture's 5x5 feature map pools (2x2, stride 2) to the 3x3 pooled map")
    void lectureExample() {
        double[][] map = LectureData.featureMap();
        Expect.given("featureMap", map)
                .expecting(LectureData.pooledMap(), WrongOracles.pool(map, 2, 2))
                .check(() -> MaxPooling.pool(map));
    }

    @Test
    @DisplayName("the lecture's map with size 2 and stride 2 given explicitly")
    void lectureExampleExplicitSizeAndStride() {
        expectPooling(LectureData.featureMap(), 2, 2);
    }

    @Test
    @DisplayName("a 4x4 map splits into four whole 2x2 windows")
    void wholeWindowsOnly() {
        double[][] map = {{1, 2, 0, -1}, {3, 0, 4, 2}, {-2, 5, 1, 1}, {0, 1, 3, 6}};
        Expect.given("featureMap", map)
                .expecting(Oracle.pool(map, 2, 2), WrongOracles.pool(map, 2, 2))
                .check(() -> MaxPooling.pool(map));
    }

    @Test
    @DisplayName("a rectangular 7x6 map, 2x2 windows with stride 2: the bottom row of windows is partial")
    void partialWindowsAtTheBottom() {
        expectPooling(MAP_7X6, 2, 2);
    }

    @Test
    @DisplayName("3x3 windows with stride 2 on a 7x6 map: overlapping windows, a partial last column")
    void sizeThreeStrideTwo() {
        expectPooling(MAP_7X6, 3, 2);
    }

    @Test
    @DisplayName("3x3 windows with stride 1 overlap")
    void sizeThreeStrideOne() {
        expectPooling(MAP_7X6, 3, 1);
    }

    @Test
    @DisplayName("2x2 windows with stride 3 (larger than the window): the cells between windows are skipped")
    void strideLargerThanWindow() {
        expectPooling(MAP_7X6, 2, 3);
    }

    @Test
    @DisplayName("1x1 windows with stride 4 on a 6x5 map: no window starts past the last cell")
    void noWindowStartsPastTheEdge() {
        double[][] map = java.util.Arrays.copyOf(MAP_7X6, 6);
        double[][] cut = new double[6][];
        for (int r = 0; r < 6; r++) {
            cut[r] = java.util.Arrays.copyOf(map[r], 5);
        }
        expectPooling(cut, 1, 4);
    }

    @Test
    @DisplayName("a map smaller than the window gives one window over all its cells")
    void mapSmallerThanTheWindow() {
        expectPooling(new double[][] {{1, -2, 3}, {0, 5, -1}}, 4, 2);
    }

    @Test
    @DisplayName("a map with only negative cells: the max of a window is negative, not 0")
    void negativeMap() {
        double[][] map = {{-1, -2, -5}, {-3, -4, -6}, {-7, -0.5, -8}};
        Expect.given("featureMap", map)
                .expecting(Oracle.pool(map, 2, 2), WrongOracles.pool(map, 2, 2))
                .check(() -> MaxPooling.pool(map));
    }

    @Test
    @DisplayName("a stack of maps: every map is pooled with the same window and stride")
    void stackOfMaps() {
        double[][][] maps = {
            LectureData.featureMap(),
            {{-1, -2, 0, 1, 3}, {2, -4, 1, 0, 1}, {0, 0, -1, -1, 2}, {5, 1, 1, 0, 0}, {-2, -3, 4, 1, 1}}
        };
        Expect.given("featureMaps", maps, "size", 3, "stride", 2)
                .expecting(Oracle.pool(maps, 3, 2), WrongOracles.pool(maps, 3, 2))
                .check(() -> MaxPooling.pool(maps, 3, 2));
    }

    @HiddenProperty
    @Label("on random maps, sizes and strides every pooled cell is the max of the cells its window covers")
    void everyPooledCellIsTheMaxOfItsWindow(
            @ForAll("maps") double[][] map,
            @ForAll @IntRange(min = 1, max = 4) int size,
            @ForAll @IntRange(min = 1, max = 4) int stride) {
        expectPooling(map, size, stride);
    }

    @HiddenProperty
    @Label("pooling with a 1x1 window and stride 1 changes nothing")
    void poolingOneByOneChangesNothing(@ForAll("maps") double[][] map) {
        Expect.given("featureMap", map, "size", 1, "stride", 1).expecting(map).check(() -> MaxPooling.pool(map, 1, 1));
    }

    @HiddenProperty
    @Label("a stack of random maps is pooled map by map")
    void aStackIsPooledMapByMap(
            @ForAll("stacks") double[][][] maps,
            @ForAll @IntRange(min = 1, max = 3) int size,
            @ForAll @IntRange(min = 1, max = 3) int stride) {
        Expect.given("featureMaps", maps, "size", size, "stride", stride)
                .expecting(Oracle.pool(maps, size, stride), WrongOracles.pool(maps, size, stride))
                .check(() -> MaxPooling.pool(maps, size, stride));
    }

    @Test
    @DisplayName("null maps are rejected with IllegalArgumentException")
    void rejectsNull() {
        Expect.given("featureMap", null).rejects("the map is null", () -> MaxPooling.pool((double[][]) null));
        Expect.given("featureMap", null, "size", 2, "stride", 2)
                .rejects("the map is null", () -> MaxPooling.pool((double[][]) null, 2, 2));
        Expect.given("featureMaps", null, "size", 2, "stride", 2)
                .rejects("the stack is null", () -> MaxPooling.pool((double[][][]) null, 2, 2));
    }

    @Test
    @DisplayName("empty and ragged maps are rejected with IllegalArgumentException")
    void rejectsEmptyAndRagged() {
        Expect.given("featureMap", new double[0][])
                .rejects("the map has no rows", () -> MaxPooling.pool(new double[0][]));
        Expect.given("featureMap", new double[2][0])
                .rejects("the map has no columns", () -> MaxPooling.pool(new double[2][0]));
        double[][] ragged = {{1, 2}, {3}};
        Expect.given("featureMap", ragged).rejects("the map is ragged", () -> MaxPooling.pool(ragged));
        double[][][] shapes = {{{1, 2}}, {{1, 2}, {3, 4}}};
        Expect.given("featureMaps", shapes, "size", 2, "stride", 2)
                .rejects("the maps have different shapes", () -> MaxPooling.pool(shapes, 2, 2));
    }

    @Test
    @DisplayName("a window size or stride below 1 is rejected with IllegalArgumentException")
    void rejectsSizeOrStrideBelowOne() {
        double[][] map = LectureData.featureMap();
        Expect.given("featureMap", map, "size", 0, "stride", 2)
                .rejects("the window size is 0", () -> MaxPooling.pool(map, 0, 2));
        Expect.given("featureMap", map, "size", 2, "stride", 0)
                .rejects("the stride is 0", () -> MaxPooling.pool(map, 2, 0));
        Expect.given("featureMap", map, "size", -2, "stride", 1)
                .rejects("the window size is -2", () -> MaxPooling.pool(map, -2, 1));
    }

    @Test
    @DisplayName("the feature maps given to pool are left unchanged")
    void leavesInputsUnchanged() {
        double[][] map = LectureData.featureMap();
        Expect.given("featureMap", map).leavesInputsUnchanged(null, () -> MaxPooling.pool(map));
        double[][][] maps = {MAP_7X6};
        Expect.given("featureMaps", maps).leavesInputsUnchanged(null, () -> MaxPooling.pool(maps, 3, 2));
    }

    @Provide
    Arbitrary<double[][]> maps() {
        return Gen.matrix(1, 7);
    }

    @Provide
    Arbitrary<double[][][]> stacks() {
        return Gen.stack(1, 5);
    }
}
