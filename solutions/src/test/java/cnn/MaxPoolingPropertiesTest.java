package cnn;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of {@link MaxPooling} that must hold for every input, checked by jqwik with a fixed seed. */
@Label("Step 2 — Max pooling (reference): invariants")
class MaxPoolingPropertiesTest {
    @Property(seed = "42", tries = 200)
    void poolingNeverReturnsLessThanAnyCellOfItsWindow(
            @ForAll("maps") double[][] map,
            @ForAll @IntRange(min = 1, max = 4) int size,
            @ForAll @IntRange(min = 1, max = 4) int stride) {
        double[][] out = MaxPooling.pool(map, size, stride);
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[0].length; j++) {
                boolean found = false;
                for (int r = i * stride; r < Math.min(i * stride + size, map.length); r++) {
                    for (int c = j * stride; c < Math.min(j * stride + size, map[0].length); c++) {
                        assertThat(out[i][j]).isGreaterThanOrEqualTo(map[r][c]);
                        found |= out[i][j] == map[r][c];
                    }
                }
                assertThat(found)
                        .as("pooled (%d,%d) is one of its window's cells", i, j)
                        .isTrue();
            }
        }
    }

    @Property(seed = "42", tries = 200)
    void everyCellIsInAWindowUnlessTheStrideSkipsIt(
            @ForAll("maps") double[][] map,
            @ForAll @IntRange(min = 1, max = 4) int size,
            @ForAll @IntRange(min = 1, max = 4) int stride) {
        double[][] out = MaxPooling.pool(map, size, stride);
        int h = map.length;
        int expectedRows = h <= size
                ? 1
                : (int) Math.min(Math.ceil((h - size) / (double) stride) + 1, Math.ceil(h / (double) stride));
        assertThat(out.length).isEqualTo(expectedRows);
        assertThat((out.length - 1) * stride).as("last window starts on a cell").isLessThan(h);
        if (stride <= size) {
            assertThat((out.length - 1) * stride + size)
                    .as("windows reach the last row")
                    .isGreaterThanOrEqualTo(h);
        }
    }

    @Property(seed = "42", tries = 100)
    void poolingWithWindowOneAndStrideOneIsTheIdentity(@ForAll("maps") double[][] map) {
        assertThat(MaxPooling.pool(map, 1, 1)).isDeepEqualTo(map);
    }

    @Provide
    Arbitrary<double[][]> maps() {
        return ReferenceFixtures.matricesWithSidesBetween(1, 8);
    }
}
