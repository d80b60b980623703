package cnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Invariants of {@link Softmax} that must hold for every input, checked by jqwik with a fixed seed. */
@Label("Extra 1 — Softmax (reference): invariants")
class SoftmaxPropertiesTest {
    @Property(seed = "42", tries = 200)
    void softmaxSumsToOneWithEveryProbabilityInZeroOne(@ForAll("scores") double[] scores) {
        double[] p = Softmax.apply(scores);
        assertThat(Arrays.stream(p).sum()).isCloseTo(1, within(1e-12));
        assertThat(Arrays.stream(p)).allMatch(v -> v >= 0 && v <= 1);
    }

    @Property(seed = "42", tries = 200)
    void softmaxIsShiftInvariant(
            @ForAll("scores") double[] scores, @ForAll @DoubleRange(min = -1000, max = 1000) double shift) {
        double[] shifted = Arrays.stream(scores).map(s -> s + shift).toArray();
        assertThat(Softmax.apply(shifted)).containsExactly(Softmax.apply(scores), within(1e-9));
    }

    @Property(seed = "42", tries = 200)
    void aLargerScoreNeverGetsASmallerProbability(@ForAll("scores") double[] scores) {
        double[] p = Softmax.apply(scores);
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (scores[i] > scores[j]) {
                    assertThat(p[i]).isGreaterThanOrEqualTo(p[j]);
                }
            }
        }
    }

    @Provide
    Arbitrary<double[]> scores() {
        return ReferenceFixtures.vectors(1, 8);
    }
}
