package cnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of {@link Relu} that must hold for every input, checked by jqwik with a fixed seed. */
@Label("Step 1(b) — ReLU (reference): invariants")
class ReluPropertiesTest {
    @Property(seed = "42", tries = 200)
    void reluIsIdempotent(@ForAll("maps") double[][] map) {
        assertThat(Relu.apply(Relu.apply(map))).isDeepEqualTo(Relu.apply(map));
    }

    @Property(seed = "42", tries = 200)
    void reluIsNeverNegativeAndKeepsEveryNonNegativeCell(@ForAll("maps") double[][] map) {
        double[][] out = Relu.apply(map);
        for (int r = 0; r < map.length; r++) {
            for (int c = 0; c < map[0].length; c++) {
                assertThat(out[r][c]).isCloseTo(map[r][c] >= 0 ? map[r][c] : 0.0, within(0.0));
            }
        }
    }

    @Property(seed = "42", tries = 100)
    void reluOfAStackIsReluOfEachMap(@ForAll("maps") double[][] map) {
        double[][] negated = Arrays.stream(map)
                .map(row -> Arrays.stream(row).map(v -> -v).toArray())
                .toArray(double[][]::new);
        double[][][] out = Relu.apply(new double[][][] {map, negated});
        assertThat(out[0]).isDeepEqualTo(Relu.apply(map));
        assertThat(out[1]).isDeepEqualTo(Relu.apply(negated));
    }

    @Provide
    Arbitrary<double[][]> maps() {
        return ReferenceFixtures.matricesWithSidesBetween(1, 6);
    }
}
