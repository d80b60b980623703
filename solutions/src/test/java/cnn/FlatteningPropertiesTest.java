package cnn;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of {@link Flattening} that must hold for every input, checked by jqwik with a fixed seed. */
@Label("Step 3 — Flattening (reference): invariants")
class FlatteningPropertiesTest {
    @Property(seed = "42", tries = 200)
    void cellRowColLandsAtIndexRowTimesWidthPlusCol(@ForAll("maps") double[][] map) {
        double[] v = Flattening.flatten(map);
        int w = map[0].length;
        assertThat(v).hasSize(map.length * w);
        for (int r = 0; r < map.length; r++) {
            for (int c = 0; c < w; c++) {
                assertThat(v[r * w + c]).isEqualTo(map[r][c]);
            }
        }
    }

    @Property(seed = "42", tries = 100)
    void flatteningAStackConcatenatesTheFlattenedMaps(@ForAll("maps") double[][] map) {
        double[][] shifted = java.util.Arrays.stream(map)
                .map(row -> java.util.Arrays.stream(row).map(x -> x + 100).toArray())
                .toArray(double[][]::new);
        double[] one = Flattening.flatten(map);
        double[] two = Flattening.flatten(new double[][][] {map, shifted});
        assertThat(two).hasSize(2 * one.length);
        assertThat(java.util.Arrays.copyOfRange(two, 0, one.length)).containsExactly(one);
        assertThat(java.util.Arrays.copyOfRange(two, one.length, two.length))
                .containsExactly(Flattening.flatten(shifted));
    }

    @Provide
    Arbitrary<double[][]> maps() {
        return ReferenceFixtures.matricesWithSidesBetween(1, 6);
    }
}
