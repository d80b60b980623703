package cnn;

import static cnn.ReferenceFixtures.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Step 2 — Max pooling (reference)")
class MaxPoolingReferenceTest {
    /** Cell (r, c) holds 10r + c: the max of any window is its bottom-right cell, so windows are easy to read. */
    private static double[][] ramp(int h, int w) {
        double[][] m = new double[h][w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                m[r][c] = 10 * r + c;
            }
        }
        return m;
    }

    @Nested
    @DisplayName("the lecture's example")
    class Lecture {
        @Test
        @DisplayName("the 5x5 feature map pools (2x2, stride 2) to the 3x3 map, edge windows kept")
        void lecturePooledMap() {
            assertThat(MaxPooling.pool(LectureData.rectifiedMap())).isDeepEqualTo(LectureData.pooledMap());
            assertThat(MaxPooling.pool(LectureData.rectifiedMap(), 2, 2)).isDeepEqualTo(LectureData.pooledMap());
        }

        @Test
        @DisplayName("the slides' feature map (1 at row 3, col 3, ERRATA E1) pools to the same map")
        void slideMapPoolsTheSame() {
            double[][] slide = LectureData.featureMap();
            slide[2][2] = 1;
            assertThat(MaxPooling.pool(slide)).isDeepEqualTo(LectureData.pooledMap());
        }
    }

    @Nested
    @DisplayName("hand-worked small cases: partial windows over the right and bottom edge")
    class HandWorked {
        @DisplayName("window/stride pairs incl. stride > size: edge windows keep the cells they have")
        @ParameterizedTest(name = "{0}x{1} map, window {2}, stride {3}: window ends at rows/cols {4}")
        @CsvSource(
                delimiter = ';',
                value = {
                    "5;5;2;2;1 3 4", // the lecture's geometry: last window has one row/column
                    "5;5;3;2;2 4", // overlapping windows, the last one ends exactly on the edge
                    "5;5;3;3;2 4", // second window keeps 2 of its 3 rows/columns
                    "5;5;2;3;1 4", // stride > size: windows start at 0 and 3, cell 2 is in no window
                    "4;4;2;3;1 3", // stride > size: second window has one row/column
                    "5;5;1;3;0 3", // a window starting at 6 would be past the last cell: not made
                    "7;7;2;4;1 5", // stride > size: starts 0, 4 (8 would be past the last cell)
                    "3;3;4;2;2", // axis shorter than the window: one window over all cells
                    "1;1;2;2;0"
                })
        void partialWindows(int h, int w, int size, int stride, String ends) {
            int[] e = java.util.Arrays.stream(ends.split(" "))
                    .mapToInt(Integer::parseInt)
                    .toArray();
            double[][] expected = new double[e.length][e.length];
            for (int i = 0; i < e.length; i++) {
                for (int j = 0; j < e.length; j++) {
                    expected[i][j] = 10 * e[i] + e[j];
                }
            }
            assertThat(MaxPooling.pool(ramp(h, w), size, stride)).isDeepEqualTo(expected);
        }

        @Test
        @DisplayName("a rectangular 3x5 map, 2x2 stride 2, gives 2x3")
        void rectangular() {
            assertThat(MaxPooling.pool(ramp(3, 5))).isDeepEqualTo(new double[][] {{11, 13, 14}, {21, 23, 24}});
        }

        @Test
        @DisplayName("a window of negative cells keeps the largest of them, not 0")
        void negativeCells() {
            assertThat(MaxPooling.pool(new double[][] {{-5, -3}, {-4, -9}})).isDeepEqualTo(new double[][] {{-3}});
        }

        @Test
        @DisplayName("a stack of maps: every map pooled with the same window")
        void stack() {
            double[][][] out = MaxPooling.pool(new double[][][] {ramp(3, 3), {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}}, 2, 2);
            assertThat(out[0]).isDeepEqualTo(new double[][] {{11, 12}, {21, 22}});
            assertThat(out[1]).isDeepEqualTo(new double[][] {{5, 6}, {8, 9}});
        }

        @Test
        @DisplayName("does not change its input")
        void inputsUnchanged() {
            double[][] map = LectureData.featureMap();
            MaxPooling.pool(map, 3, 1);
            assertThat(map).isDeepEqualTo(LectureData.featureMap());
            double[][][] stack = {LectureData.featureMap()};
            MaxPooling.pool(stack, 2, 2);
            assertThat(stack[0]).isDeepEqualTo(LectureData.featureMap());
        }
    }

    @Nested
    @DisplayName("bad arguments are rejected with a message naming the problem")
    class BadArguments {
        @Test
        @DisplayName("null, empty or ragged map, window or stride < 1, mixed-shape stack")
        void bad() {
            rejects(() -> MaxPooling.pool(null), "featureMap", "null");
            rejects(() -> MaxPooling.pool(new double[0][]), "featureMap", "empty");
            rejects(() -> MaxPooling.pool(new double[][] {{1, 2}, {3}}), "featureMap", "ragged");
            rejects(() -> MaxPooling.pool(ramp(2, 2), 0, 1), "size", "0");
            rejects(() -> MaxPooling.pool(ramp(2, 2), 2, 0), "stride", "0");
            rejects(() -> MaxPooling.pool((double[][][]) null, 2, 2), "featureMaps", "null");
            rejects(() -> MaxPooling.pool(new double[0][][], 2, 2), "featureMaps", "empty");
            rejects(() -> MaxPooling.pool(new double[][][] {ramp(2, 2), ramp(3, 2)}, 2, 2), "featureMaps[1]", "3x2");
            rejects(() -> MaxPooling.pool(new double[][][] {ramp(2, 2)}, -1, 2), "size");
        }
    }
}
