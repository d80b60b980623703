package cnn;

import static cnn.Expect.in;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Public tests of Step 3 — Flattening: the lecture's example and a few small cases. The hidden tests used for
 * grading check more (other shapes, stacks of maps, every bad-argument rule of the Javadoc).
 */
@DisplayName("Step 3 — Flattening")
class FlatteningTest {
    @Nested
    @DisplayName("the lecture's example")
    class Lecture {
        @Test
        @DisplayName("the pooled 3x3 map becomes one column, row by row")
        void lectureVector() {
            double[][] pooled = LectureData.pooledMap();
            Expect.vector(
                    "flattening the lecture's pooled map",
                    LectureData.flattened(),
                    Flattening.flatten(pooled),
                    in("pooledFeatureMap", pooled));
        }
    }

    @Nested
    @DisplayName("small cases")
    class Small {
        @Test
        @DisplayName("row by row, not column by column")
        void rowByRow() {
            double[][] map = {{1, 2, 3}, {4, 5, 6}};
            Expect.vector(
                    "flattening a 2x3 map",
                    new double[] {1, 2, 3, 4, 5, 6},
                    Flattening.flatten(map),
                    in("pooledFeatureMap", map));
        }

        @Test
        @DisplayName("a stack: map after map")
        void stack() {
            double[][][] maps = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
            Expect.vector(
                    "flattening two 2x2 maps",
                    new double[] {1, 2, 3, 4, 5, 6, 7, 8},
                    Flattening.flatten(maps),
                    in("pooledFeatureMaps", maps));
        }

        @Test
        @DisplayName("a ragged map is rejected")
        void raggedRejected() {
            Expect.rejects(
                    "flatten({{1, 2}, {3}}) must throw IllegalArgumentException",
                    () -> Flattening.flatten(new double[][] {{1, 2}, {3}}));
        }

        @Test
        @DisplayName("a null or empty map, and a stack of maps of different shapes, are rejected")
        void otherBadArgumentsRejected() {
            Expect.rejects(
                    "flatten(null) must throw IllegalArgumentException", () -> Flattening.flatten((double[][]) null));
            Expect.rejects(
                    "flatten of an empty map must throw IllegalArgumentException",
                    () -> Flattening.flatten(new double[0][]));
            Expect.rejects(
                    "flatten of a stack of a 1x1 and a 1x2 map must throw IllegalArgumentException",
                    () -> Flattening.flatten(new double[][][] {{{1}}, {{1, 2}}}));
        }
    }
}
