package cnn;

import static cnn.Expect.in;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Public tests of Part 2, Step 2 — max pooling's backward pass: each window's gradient goes to its largest cell
 * only (the first of equal ones, row by row), overlapping windows add up, edge windows are those of the forward pass.
 */
@DisplayName("Part 2, Step 2 — Max pooling backward")
class MaxPoolingBackwardTest {
    @Nested
    @DisplayName("the lecture's example")
    class Lecture {
        @Test
        @DisplayName(
                "the pooled map's gradient routed back through the lecture's 5x5 map (2x2, stride 2), with its tie")
        void lectureMap() {
            double[][] map = LectureData.rectifiedMap();
            // Gradients 1..9, so the result shows where each window's gradient went. The window of pooled cell
            // (2, 2) (rows/cols 3-4 counted from 1) holds two 2s: the first of them row by row, at row 3 col 4, wins.
            // The top-right window holds only 0s: its first cell wins. Partial windows (last row, last column) count.
            double[][] g = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
            Expect.matrix(
                    "MaxPooling.backward(the lecture's 5x5 map, g, 2, 2)",
                    new double[][] {
                        {0, 1, 0, 0, 3},
                        {0, 0, 2, 0, 0},
                        {0, 0, 0, 5, 6},
                        {0, 4, 0, 0, 0},
                        {7, 0, 0, 8, 9}
                    },
                    MaxPooling.backward(map, g, 2, 2),
                    in("featureMap", map),
                    in("outputGradient", g));
        }
    }

    @Nested
    @DisplayName("hand-worked cases")
    class HandWorked {
        @Test
        @DisplayName("overlapping windows (2x2, stride 1): a cell that wins two windows gets both gradients")
        void overlappingWindowsAddUp() {
            double[][] map = {{1, 5, 2}, {3, 4, 6}, {0, 8, 7}};
            // Windows: {1,5,3,4} -> 5; {5,2,4,6} -> 6; {3,4,0,8} -> 8; {4,6,8,7} -> 8 again.
            double[][] g = {{1, 10}, {100, 1000}};
            Expect.matrix(
                    "MaxPooling.backward(3x3 map, g, size 2, stride 1)",
                    new double[][] {{0, 1, 0}, {0, 0, 10}, {0, 1100, 0}},
                    MaxPooling.backward(map, g, 2, 1),
                    in("featureMap", map),
                    in("outputGradient", g));
        }

        @Test
        @DisplayName("a stack of maps: map by map")
        void stack() {
            double[][][] maps = {{{1, 2}, {3, 4}}, {{-1, -2}, {-3, -4}}};
            double[][][] g = {{{5}}, {{6}}};
            Expect.stack(
                    "MaxPooling.backward(2 maps of 2x2, g, 2, 2)",
                    new double[][][] {{{0, 0}, {0, 5}}, {{6, 0}, {0, 0}}},
                    MaxPooling.backward(maps, g, 2, 2),
                    in("featureMaps", maps),
                    in("outputGradients", g));
        }
    }

    @Nested
    @DisplayName("gradient check against your forward pass")
    class Checks {
        @Test
        @DisplayName("window 3, stride 2 on a 5x6 map of distinct values (no ties, so no kink)")
        void distinctValues() {
            double[][] map = new double[5][6];
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 6; c++) {
                    map[r][c] = ((r * 7 + c * 11) % 13) - 6 + 0.01 * r;
                }
            }
            double[][] g = {{0.5, -1, 2}, {1.5, 3, -0.25}};
            Expect.gradientsAgree(
                    "MaxPooling.backward vs. central differences of MaxPooling.pool",
                    GradientCheck.compare(
                            MaxPooling.backward(map, g, 3, 2),
                            GradientCheck.numericalGradient(x -> GradientCheck.dot(g, MaxPooling.pool(x, 3, 2)), map)),
                    in("featureMap", map),
                    in("outputGradient", g));
        }
    }

    @Nested
    @DisplayName("bad arguments")
    class Bad {
        @Test
        @DisplayName("a gradient of another shape than the pooled map is rejected, with the sizes in the message")
        void wrongGradientShape() {
            Expect.rejects(
                    "MaxPooling.backward(5x5 map, 2x2 gradient, 2, 2) must throw IllegalArgumentException "
                            + "(the pooled map is 3x3)",
                    () -> MaxPooling.backward(new double[5][5], new double[2][2], 2, 2),
                    "2x2",
                    "3x3");
        }
    }
}
