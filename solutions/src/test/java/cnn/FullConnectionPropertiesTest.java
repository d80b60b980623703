package cnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of {@link FullConnection} that must hold for every input, checked by jqwik with a fixed seed. */
@Label("Step 4 — Full connection (reference): invariants")
class FullConnectionPropertiesTest {
    @Property(seed = "42", tries = 200)
    void withoutBiasTheLayerIsLinearInItsInput(@ForAll("inputs") double[] x, @ForAll("inputs") double[] y) {
        int n = Math.min(x.length, y.length);
        double[] a = java.util.Arrays.copyOf(x, n);
        double[] c = java.util.Arrays.copyOf(y, n);
        double[][] w = new double[3][n];
        for (int o = 0; o < 3; o++) {
            for (int i = 0; i < n; i++) {
                w[o][i] = (o + 1) * 0.5 - i * 0.25;
            }
        }
        double[] zero = new double[3];
        double[] sum = new double[n];
        for (int i = 0; i < n; i++) {
            sum[i] = a[i] + 2 * c[i];
        }
        double[] fa = FullConnection.forward(a, w, zero);
        double[] fc = FullConnection.forward(c, w, zero);
        double[] fs = FullConnection.forward(sum, w, zero);
        for (int o = 0; o < 3; o++) {
            assertThat(fs[o]).isCloseTo(fa[o] + 2 * fc[o], within(1e-6));
        }
    }

    @Property(seed = "42", tries = 100)
    void theBiasShiftsEachOutputByItself(@ForAll("inputs") double[] x) {
        double[][] w = {x.clone(), x.clone()};
        double[] plain = FullConnection.forward(x, w, new double[] {0, 0});
        double[] shifted = FullConnection.forward(x, w, new double[] {1.5, -3});
        assertThat(shifted[0] - plain[0]).isCloseTo(1.5, within(1e-6));
        assertThat(shifted[1] - plain[1]).isCloseTo(-3, within(1e-6));
    }

    @Provide
    Arbitrary<double[]> inputs() {
        return Arbitraries.doubles()
                .between(-10, 10)
                .ofScale(2)
                .array(double[].class)
                .ofMinSize(1)
                .ofMaxSize(8);
    }
}
