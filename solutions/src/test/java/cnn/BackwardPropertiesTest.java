package cnn;

import static cnn.ReferenceFixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Every backward pass of the reference against central differences of its own forward pass, on random shapes,
 * strides and paddings (jqwik, fixed seed), and inputs left unchanged. Values have two decimals, so ties in pooling
 * occur; the pooling check therefore nudges a map of distinct values (ties are hand-worked in
 * {@link BackwardReferenceTest}).
 */
@Label("Part 2 (reference): backward passes agree with central differences of the forward passes")
class BackwardPropertiesTest {
    /** A convolution's geometry: image h x w, detector kh x kw, stride, padding, with the detector fitting. */
    record Geometry(int h, int w, int kh, int kw, int stride, int padding) {
        int outH() {
            return (h + 2 * padding - kh) / stride + 1;
        }

        int outW() {
            return (w + 2 * padding - kw) / stride + 1;
        }
    }

    @Property(seed = "15", tries = 150)
    void convolutionImageAndDetectorGradients(@ForAll("geometries") Geometry geo, @ForAll("seeds") long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[][] image = random(random, geo.h(), geo.w());
        double[][] k = random(random, geo.kh(), geo.kw());
        double[][] g = random(random, geo.outH(), geo.outW());
        double[][] image0 = copy(image);
        double[][] k0 = copy(k);
        double[][] g0 = copy(g);
        assertClose(
                Convolution.imageGradient(image, k, g, geo.stride(), geo.padding()),
                GradientCheck.numericalGradient(
                        x -> GradientCheck.dot(g, Convolution.convolve(x, k, geo.stride(), geo.padding())), image));
        assertClose(
                Convolution.detectorGradient(image, k, g, geo.stride(), geo.padding()),
                GradientCheck.numericalGradient(
                        x -> GradientCheck.dot(g, Convolution.convolve(image, x, geo.stride(), geo.padding())), k));
        assertThat(image).isDeepEqualTo(image0);
        assertThat(k).isDeepEqualTo(k0);
        assertThat(g).isDeepEqualTo(g0);
    }

    @Property(seed = "15", tries = 60)
    void convolutionLayerGradients(
            @ForAll("geometries") Geometry geo,
            @ForAll @IntRange(min = 1, max = 3) int channels,
            @ForAll @IntRange(min = 1, max = 3) int filterCount,
            @ForAll("seeds") long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[][][] input = new double[channels][][];
        for (int c = 0; c < channels; c++) {
            input[c] = random(random, geo.h(), geo.w());
        }
        double[][][][] filters = new double[filterCount][channels][][];
        double[] bias = new double[filterCount];
        double[][][] g = new double[filterCount][][];
        for (int f = 0; f < filterCount; f++) {
            for (int c = 0; c < channels; c++) {
                filters[f][c] = random(random, geo.kh(), geo.kw());
            }
            bias[f] = random.nextDouble() - 0.5;
            g[f] = random(random, geo.outH(), geo.outW());
        }
        int s = geo.stride();
        int p = geo.padding();
        assertClose(
                Convolution.inputGradient(input, filters, g, s, p),
                GradientCheck.numericalGradient(
                        x -> GradientCheck.dot(g, Convolution.convolve(x, filters, bias, s, p)), input));
        assertClose(
                Convolution.filterGradient(input, filters, g, s, p),
                GradientCheck.numericalGradient(
                        w -> GradientCheck.dot(g, Convolution.convolve(input, w, bias, s, p)), filters));
        assertClose(
                Convolution.biasGradient(g),
                GradientCheck.numericalGradient(
                        b -> GradientCheck.dot(g, Convolution.convolve(input, filters, b, s, p)), bias));
    }

    @Property(seed = "15", tries = 200)
    void reluGradient(@ForAll("maps") double[][] map, @ForAll("seeds") long seed) {
        double[][] g = random(new java.util.Random(seed), map.length, map[0].length);
        double[][] away = new double[map.length][map[0].length];
        for (int r = 0; r < map.length; r++) {
            for (int c = 0; c < map[0].length; c++) {
                away[r][c] = map[r][c] == 0 ? 0.5 : map[r][c]; // central differences are meaningless on the kink
            }
        }
        double[][] away0 = copy(away);
        assertClose(
                Relu.backward(away, g),
                GradientCheck.numericalGradient(x -> GradientCheck.dot(g, Relu.apply(x)), away));
        assertThat(away).isDeepEqualTo(away0);
    }

    @Property(seed = "15", tries = 200)
    void maxPoolingGradient(
            @ForAll @IntRange(min = 1, max = 7) int h,
            @ForAll @IntRange(min = 1, max = 7) int w,
            @ForAll @IntRange(min = 1, max = 4) int size,
            @ForAll @IntRange(min = 1, max = 4) int stride,
            @ForAll("seeds") long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[][] map = distinct(random, h, w);
        double[][] pooled = MaxPooling.pool(map, size, stride);
        double[][] g = random(random, pooled.length, pooled[0].length);
        double[][] map0 = copy(map);
        assertClose(
                MaxPooling.backward(map, g, size, stride),
                GradientCheck.numericalGradient(x -> GradientCheck.dot(g, MaxPooling.pool(x, size, stride)), map));
        assertThat(map).isDeepEqualTo(map0);
    }

    @Property(seed = "15", tries = 200)
    void maxPoolingSendsEachWindowsGradientToOneCellOfIt(
            @ForAll("maps") double[][] map,
            @ForAll @IntRange(min = 1, max = 4) int size,
            @ForAll @IntRange(min = 1, max = 4) int stride) {
        double[][] pooled = MaxPooling.pool(map, size, stride);
        double[][] ones = new double[pooled.length][pooled[0].length];
        for (double[] row : ones) {
            java.util.Arrays.fill(row, 1);
        }
        double[][] back = MaxPooling.backward(map, ones, size, stride);
        double total = 0;
        for (int r = 0; r < map.length; r++) {
            for (int c = 0; c < map[0].length; c++) {
                total += back[r][c];
                if (back[r][c] != 0) {
                    assertThat(back[r][c]).as("a cell wins whole windows").isEqualTo(Math.rint(back[r][c]));
                }
            }
        }
        assertThat(total).as("one unit of gradient per window").isEqualTo(pooled.length * pooled[0].length);
    }

    @Property(seed = "15", tries = 100)
    void unflattenIsFlattensInverseAndBackwardPass(
            @ForAll @IntRange(min = 1, max = 4) int maps,
            @ForAll @IntRange(min = 1, max = 5) int rows,
            @ForAll @IntRange(min = 1, max = 5) int cols,
            @ForAll("seeds") long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[][][] stack = new double[maps][][];
        for (int m = 0; m < maps; m++) {
            stack[m] = random(random, rows, cols);
        }
        assertThat(Flattening.unflatten(Flattening.flatten(stack), maps, rows, cols))
                .isDeepEqualTo(stack);
        double[] g = Flattening.flatten(random(random, 1, maps * rows * cols));
        assertClose(
                Flattening.unflatten(g, maps, rows, cols),
                GradientCheck.numericalGradient(x -> GradientCheck.dot(g, Flattening.flatten(x)), stack));
        assertThat(Flattening.flatten(Flattening.unflatten(g, maps, rows, cols)))
                .containsExactly(g);
    }

    @Property(seed = "15", tries = 150)
    void fullConnectionGradients(
            @ForAll @IntRange(min = 1, max = 8) int inputs,
            @ForAll @IntRange(min = 1, max = 5) int outputs,
            @ForAll("seeds") long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] x = random(random, 1, inputs)[0];
        double[][] w = random(random, outputs, inputs);
        double[] b = random(random, 1, outputs)[0];
        double[] g = random(random, 1, outputs)[0];
        double[] g0 = g.clone();
        double[][] w0 = copy(w);
        assertClose(
                FullConnection.inputGradient(w, g),
                GradientCheck.numericalGradient(v -> GradientCheck.dot(g, FullConnection.forward(v, w, b)), x));
        assertClose(
                FullConnection.weightGradient(x, g),
                GradientCheck.numericalGradient(m -> GradientCheck.dot(g, FullConnection.forward(x, m, b)), w));
        double[] biasGradient = FullConnection.biasGradient(g);
        assertThat(biasGradient).isNotSameAs(g).containsExactly(g);
        assertThat(g).containsExactly(g0);
        assertThat(w).isDeepEqualTo(w0);
    }

    @Property(seed = "15", tries = 200)
    void softmaxGradient(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll("seeds") long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] z = random(random, 1, n)[0];
        double[] g = random(random, 1, n)[0];
        for (int i = 0; i < n; i++) {
            z[i] *= 6;
        }
        double[] z0 = z.clone();
        assertClose(
                Softmax.backward(z, g),
                GradientCheck.numericalGradient(v -> GradientCheck.dot(g, Softmax.apply(v)), z));
        assertThat(z).containsExactly(z0);
    }

    @Property(seed = "15", tries = 100)
    void softmaxGradientIgnoresAShiftOfTheScores(
            @ForAll @IntRange(min = 1, max = 6) int n, @ForAll("seeds") long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] z = random(random, 1, n)[0];
        double[] g = random(random, 1, n)[0];
        double[] shifted = z.clone();
        for (int i = 0; i < n; i++) {
            shifted[i] += 1e6;
        }
        double[] a = Softmax.backward(z, g);
        double[] b = Softmax.backward(shifted, g);
        for (int i = 0; i < n; i++) {
            assertThat(b[i]).isCloseTo(a[i], org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Provide
    Arbitrary<Geometry> geometries() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 7),
                        Arbitraries.integers().between(1, 7),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(0, 2))
                .as(Geometry::new)
                .filter(g -> g.kh() <= g.h() + 2 * g.padding() && g.kw() <= g.w() + 2 * g.padding());
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<double[][]> maps() {
        return ReferenceFixtures.matricesWithSidesBetween(1, 6);
    }

    /**
     * Asserts the analytic gradient is the numerical one, judged on the gradient's scale: every cell within
     * 1e-7 · max(1, largest |numerical|). Cell-by-cell relative error ({@link GradientCheck.Result#agrees()}) would
     * flag cells many orders smaller than the rest from rounding alone (a softmax output near 0), which random inputs
     * make now and then.
     */
    private static void assertClose(Object analytic, Object numerical) {
        java.util.List<Double> a = new java.util.ArrayList<>();
        java.util.List<Double> n = new java.util.ArrayList<>();
        cells(analytic, a);
        cells(numerical, n);
        assertThat(a).hasSameSizeAs(n);
        double scale = n.stream().mapToDouble(Math::abs).max().orElse(0);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i))
                    .as("cell %d of %s vs numerical %s", i, a, n)
                    .isCloseTo(n.get(i), org.assertj.core.api.Assertions.within(1e-7 * Math.max(1, scale)));
        }
    }

    private static void cells(Object array, java.util.List<Double> out) {
        if (array instanceof double[] v) {
            for (double x : v) {
                out.add(x);
            }
        } else {
            for (Object inner : (Object[]) array) {
                cells(inner, out);
            }
        }
    }

    private static double[][] random(java.util.Random random, int h, int w) {
        double[][] m = new double[h][w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                m[r][c] = 4 * random.nextDouble() - 2;
            }
        }
        return m;
    }

    /** Distinct values at least 0.01 apart: a shuffled ramp, so no window has a tie within a nudge. */
    private static double[][] distinct(java.util.Random random, int h, int w) {
        java.util.List<Double> values = new java.util.ArrayList<>();
        for (int i = 0; i < h * w; i++) {
            values.add(0.01 * i - 0.3);
        }
        java.util.Collections.shuffle(values, random);
        double[][] m = new double[h][w];
        for (int i = 0; i < h * w; i++) {
            m[i / w][i % w] = values.get(i);
        }
        return m;
    }
}
