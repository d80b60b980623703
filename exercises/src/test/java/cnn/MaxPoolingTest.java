package cnn;

import static cnn.Expect.in;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Public tests of Step 2 — Max pooling: the lecture's example and a few small cases. The hidden tests used for
 * grading check more (many window/stride pairs, stacks of maps, every bad-argument rule of the Javadoc).
 */
@DisplayName("Step 2 — Max pooling")
class MaxPoolingTest {
    @Nested
    @DisplayName("the lecture's example")
    class Lecture {
        @Test
        @DisplayName("the 5x5 feature map pools (2x2, stride 2) to 3x3: edge windows keep the cells they have")
        void lecturePooledMap() {
            double[][] map = LectureData.rectifiedMap();
            Expect.matrix(
                    "max pooling (2x2, stride 2) of the lecture's 5x5 map",
                    LectureData.pooledMap(),
                    MaxPooling.pool(map),
                    in("featureMap", map));
        }
    }

    @Nested
    @DisplayName("small cases")
    class Small {
        private final double[][] ramp = {
            {0, 1, 2, 3, 4}, {10, 11, 12, 13, 14}, {20, 21, 22, 23, 24}, {30, 31, 32, 33, 34}, {40, 41, 42, 43, 44}
        };

        @Test
        @DisplayName("window 3, stride 2 on 5x5: overlapping windows")
        void overlapping() {
            Expect.matrix(
                    "pool(map, size 3, stride 2)",
                    new double[][] {{22, 24}, {42, 44}},
                    MaxPooling.pool(ramp, 3, 2),
                    in("featureMap", ramp));
        }

        @Test
        @DisplayName("window 2, stride 3 on 5x5: the stride skips a row and a column")
        void strideLargerThanWindow() {
            Expect.matrix(
                    "pool(map, size 2, stride 3)",
                    new double[][] {{11, 14}, {41, 44}},
                    MaxPooling.pool(ramp, 2, 3),
                    in("featureMap", ramp));
        }

        @Test
        @DisplayName("a window of negative cells keeps the largest of them, not 0")
        void negatives() {
            double[][] map = {{-5, -3}, {-4, -9}};
            Expect.matrix(
                    "pool(map) of negative cells", new double[][] {{-3}}, MaxPooling.pool(map), in("featureMap", map));
        }

        @Test
        @DisplayName("a map smaller than the window is one window over all its cells")
        void mapSmallerThanWindow() {
            double[][] map = {{1, 7}, {3, 2}};
            Expect.matrix(
                    "pool(2x2 map, size 3, stride 3)",
                    new double[][] {{7}},
                    MaxPooling.pool(map, 3, 3),
                    in("featureMap", map));
        }

        @Test
        @DisplayName("window 1, stride 3 on 5x5: windows start at 0 and 3, none at 6, past the last cell")
        void noWindowPastTheLastCell() {
            Expect.matrix(
                    "pool(map, size 1, stride 3)",
                    new double[][] {{0, 3}, {30, 33}},
                    MaxPooling.pool(ramp, 1, 3),
                    in("featureMap", ramp));
        }

        @Test
        @DisplayName("window size 0 is rejected")
        void sizeZeroRejected() {
            Expect.rejects(
                    "pool(map, size 0, stride 1) must throw IllegalArgumentException",
                    () -> MaxPooling.pool(ramp, 0, 1));
        }

        @Test
        @DisplayName("stride 0 and a ragged map are rejected")
        void strideZeroAndRaggedRejected() {
            Expect.rejects(
                    "pool(map, size 2, stride 0) must throw IllegalArgumentException",
                    () -> MaxPooling.pool(ramp, 2, 0));
            Expect.rejects(
                    "pool of a ragged map (rows of 2 and 1 cells) must throw IllegalArgumentException",
                    () -> MaxPooling.pool(new double[][] {{1, 2}, {3}}));
        }

        @Test
        @DisplayName("a null or empty map, and a stack of maps of different shapes, are rejected")
        void otherBadArgumentsRejected() {
            Expect.rejects("pool(null) must throw IllegalArgumentException", () -> MaxPooling.pool((double[][]) null));
            Expect.rejects(
                    "pool of an empty map must throw IllegalArgumentException",
                    () -> MaxPooling.pool(new double[0][], 2, 2));
            Expect.rejects(
                    "pool of a stack of a 1x1 and a 1x2 map must throw IllegalArgumentException",
                    () -> MaxPooling.pool(new double[][][] {{{1}}, {{1, 2}}}, 2, 2));
        }
    }
}
