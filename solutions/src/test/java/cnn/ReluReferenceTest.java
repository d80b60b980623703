package cnn;

import static cnn.ReferenceFixtures.copy;
import static cnn.ReferenceFixtures.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.lecture.LectureData;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Step 1(b) — ReLU (reference)")
class ReluReferenceTest {
    @Nested
    @DisplayName("the lecture's example")
    class Lecture {
        @Test
        @DisplayName("the lecture's feature map has no negative cell, so ReLU leaves it unchanged")
        void lectureMapUnchanged() {
            assertThat(Relu.apply(LectureData.featureMap())).isDeepEqualTo(LectureData.rectifiedMap());
        }

        @Test
        @DisplayName("a map with negative cells: they become 0, the others stay (Relu/signed-map.csv)")
        void signedMap() {
            double[][] stacked = LectureData.matrix("Relu/signed-map.csv");
            assertThat(Relu.apply(Arrays.copyOfRange(stacked, 0, 3))).isDeepEqualTo(Arrays.copyOfRange(stacked, 3, 6));
        }
    }

    @Nested
    @DisplayName("hand-worked small cases")
    class HandWorked {
        @Test
        @DisplayName("a rectangular 2x3 map; NaN stays NaN, infinities behave as max(0, x)")
        void rectangular() {
            double[][] out = Relu.apply(
                    new double[][] {{-1, 2, -3}, {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}});
            assertThat(out[0]).containsExactly(0, 2, 0);
            assertThat(out[1][0]).isNaN();
            assertThat(out[1]).endsWith(0, Double.POSITIVE_INFINITY);
        }

        @Test
        @DisplayName("a stack of maps: every map rectified")
        void stack() {
            double[][][] out = Relu.apply(new double[][][] {{{-1, 1}}, {{3, -0.5}}});
            assertThat(out[0]).isDeepEqualTo(new double[][] {{0, 1}});
            assertThat(out[1]).isDeepEqualTo(new double[][] {{3, 0}});
        }

        @Test
        @DisplayName("returns a new map and does not change its input")
        void inputsUnchanged() {
            double[][] map = {{-1, 2}, {3, -4}};
            double[][] out = Relu.apply(map);
            assertThat(map).isDeepEqualTo(new double[][] {{-1, 2}, {3, -4}});
            assertThat(out).isNotSameAs(map);
            double[][][] stack = {copy(map)};
            Relu.apply(stack);
            assertThat(stack[0]).isDeepEqualTo(map);
        }
    }

    @Nested
    @DisplayName("bad arguments are rejected with a message naming the problem")
    class BadArguments {
        @Test
        @DisplayName("null, empty or ragged map; null, empty or mixed-shape stack")
        void bad() {
            rejects(() -> Relu.apply((double[][]) null), "featureMap", "null");
            rejects(() -> Relu.apply(new double[0][]), "featureMap", "empty");
            rejects(() -> Relu.apply(new double[][] {{1}, {1, 2}}), "featureMap", "ragged");
            rejects(() -> Relu.apply((double[][][]) null), "featureMaps", "null");
            rejects(() -> Relu.apply(new double[0][][]), "featureMaps", "empty");
            rejects(() -> Relu.apply(new double[][][] {{{1}}, {{1, 2}}}), "featureMaps[1]", "1x2", "1x1");
        }
    }
}
