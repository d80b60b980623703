package cnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of {@link CrossEntropy} that must hold for every input, checked by jqwik with a fixed seed. */
@Label("Extra 2 — Cross-entropy (reference): invariants")
class CrossEntropyPropertiesTest {
    @Property(seed = "42", tries = 200)
    void gradientComponentsSumToZeroForAOneHotTarget(@ForAll("scores") double[] scores, @ForAll("index") int hot) {
        double[] t = new double[scores.length];
        t[hot % scores.length] = 1;
        assertThat(Arrays.stream(CrossEntropy.gradient(scores, t)).sum()).isCloseTo(0, within(1e-12));
    }

    @Property(seed = "42", tries = 100)
    void gradientIsTheSlopeOfTheLossOfSoftmax(@ForAll("scores") double[] scores, @ForAll("index") int hot) {
        double[] t = new double[scores.length];
        t[hot % scores.length] = 1;
        double[] g = CrossEntropy.gradient(scores, t);
        double h = 1e-5;
        for (int i = 0; i < scores.length; i++) {
            double[] up = scores.clone();
            double[] down = scores.clone();
            up[i] += h;
            down[i] -= h;
            double slope = (lossOfSoftmax(up, t) - lossOfSoftmax(down, t)) / (2 * h);
            assertThat(g[i]).as("component %d", i).isCloseTo(slope, within(1e-5));
        }
    }

    @Property(seed = "42", tries = 200)
    void lossIsNeverNegative(@ForAll("scores") double[] scores, @ForAll("index") int hot) {
        double[] t = new double[scores.length];
        t[hot % scores.length] = 1;
        assertThat(CrossEntropy.loss(Softmax.apply(scores), t)).isGreaterThanOrEqualTo(0);
    }

    private static double lossOfSoftmax(double[] scores, double[] t) {
        return CrossEntropy.loss(Softmax.apply(scores), t);
    }

    @Provide
    Arbitrary<double[]> scores() {
        return Arbitraries.doubles()
                .between(-5, 5)
                .ofScale(3)
                .array(double[].class)
                .ofMinSize(1)
                .ofMaxSize(6);
    }

    @Provide
    Arbitrary<Integer> index() {
        return Arbitraries.integers().between(0, 5);
    }
}
