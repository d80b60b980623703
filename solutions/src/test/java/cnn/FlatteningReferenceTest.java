package cnn;

import static cnn.ReferenceFixtures.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Step 3 — Flattening (reference)")
class FlatteningReferenceTest {
    @Nested
    @DisplayName("the lecture's example")
    class Lecture {
        @Test
        @DisplayName("the pooled 3x3 map becomes the column 1,1,0,4,2,1,0,2,1 (row by row)")
        void lectureVector() {
            assertThat(Flattening.flatten(LectureData.pooledMap())).containsExactly(LectureData.flattened());
        }
    }

    @Nested
    @DisplayName("hand-worked small cases")
    class HandWorked {
        @Test
        @DisplayName("a rectangular 2x3 map: row by row, not column by column")
        void rowByRow() {
            assertThat(Flattening.flatten(new double[][] {{1, 2, 3}, {4, 5, 6}}))
                    .containsExactly(1, 2, 3, 4, 5, 6);
        }

        @Test
        @DisplayName("a stack of two 2x2 maps: map after map, each row by row")
        void stack() {
            assertThat(Flattening.flatten(new double[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}}))
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        }

        @Test
        @DisplayName("a 1x1 map gives one value; the input is not changed")
        void single() {
            double[][] map = {{7}};
            assertThat(Flattening.flatten(map)).containsExactly(7);
            double[][] pooled = LectureData.pooledMap();
            Flattening.flatten(pooled)[0] = 99;
            Flattening.flatten(new double[][][] {pooled})[0] = 99;
            assertThat(pooled).isDeepEqualTo(LectureData.pooledMap());
        }
    }

    @Nested
    @DisplayName("bad arguments are rejected with a message naming the problem")
    class BadArguments {
        @Test
        @DisplayName("null, empty or ragged map; null, empty or mixed-shape stack")
        void bad() {
            rejects(() -> Flattening.flatten((double[][]) null), "pooledFeatureMap", "null");
            rejects(() -> Flattening.flatten(new double[0][]), "pooledFeatureMap", "empty");
            rejects(() -> Flattening.flatten(new double[][] {{1, 2}, {3}}), "pooledFeatureMap", "ragged");
            rejects(() -> Flattening.flatten((double[][][]) null), "pooledFeatureMaps", "null");
            rejects(() -> Flattening.flatten(new double[0][][]), "pooledFeatureMaps", "empty");
            rejects(() -> Flattening.flatten(new double[][][] {{{1}}, {{1}, {2}}}), "pooledFeatureMaps[1]", "2x1");
        }
    }
}
