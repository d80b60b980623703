package cnn;

import static cnn.Expect.in;

import cnnkit.lecture.LectureData;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Public tests of Step 1(b) — ReLU: the lecture's map and a few small cases. The hidden tests used for grading check
 * more (other shapes, stacks of maps, every bad-argument rule of the Javadoc, inputs left unchanged).
 */
@DisplayName("Step 1(b) — ReLU")
class ReluTest {
    @Nested
    @DisplayName("the lecture's example")
    class Lecture {
        @Test
        @DisplayName("the lecture's feature map has no negative cell: ReLU leaves it unchanged")
        void lectureMap() {
            double[][] map = LectureData.featureMap();
            Expect.matrix(
                    "ReLU of the lecture's feature map",
                    LectureData.rectifiedMap(),
                    Relu.apply(map),
                    in("featureMap", map));
        }
    }

    @Nested
    @DisplayName("small cases")
    class Small {
        @Test
        @DisplayName("negative cells become 0, the others stay")
        void signedMap() {
            double[][] stacked = LectureData.matrix("Relu/signed-map.csv");
            double[][] map = Arrays.copyOfRange(stacked, 0, 3);
            Expect.matrix(
                    "ReLU of a map with negative cells",
                    Arrays.copyOfRange(stacked, 3, 6),
                    Relu.apply(map),
                    in("featureMap", map));
        }

        @Test
        @DisplayName("a stack of maps: each map rectified")
        void stack() {
            double[][][] maps = {{{-1, 1}}, {{3, -0.5}}};
            Expect.stack(
                    "ReLU of two 1x2 maps",
                    new double[][][] {{{0, 1}}, {{3, 0}}},
                    Relu.apply(maps),
                    in("featureMaps", maps));
        }

        @Test
        @DisplayName("the input map is not changed")
        void inputUnchanged() {
            double[][] map = {{-1, 2}};
            Relu.apply(map);
            Expect.matrix("the map passed to Relu.apply must stay as it was", new double[][] {{-1, 2}}, map);
        }

        @Test
        @DisplayName("a null map is rejected")
        void nullRejected() {
            Expect.rejects("Relu.apply(null) must throw IllegalArgumentException", () -> Relu.apply((double[][]) null));
        }

        @Test
        @DisplayName("NaN stays NaN (the Javadoc's rule): it is neither above nor below 0")
        void nanStaysNan() {
            double[][] map = {{Double.NaN, -1, 2}};
            Expect.matrix(
                    "Relu.apply of a map with NaN",
                    new double[][] {{Double.NaN, 0, 2}},
                    Relu.apply(map),
                    in("featureMap", map));
        }

        @Test
        @DisplayName("an empty or ragged map, and a stack of maps of different shapes, are rejected")
        void otherBadArgumentsRejected() {
            Expect.rejects(
                    "Relu.apply of an empty map must throw IllegalArgumentException",
                    () -> Relu.apply(new double[0][]));
            Expect.rejects(
                    "Relu.apply of a ragged map (rows of 2 and 1 cells) must throw IllegalArgumentException",
                    () -> Relu.apply(new double[][] {{1, 2}, {3}}));
            Expect.rejects(
                    "Relu.apply of a stack of a 1x1 and a 1x2 map must throw IllegalArgumentException",
                    () -> Relu.apply(new double[][][] {{{1}}, {{1, 2}}}));
        }
    }
}
