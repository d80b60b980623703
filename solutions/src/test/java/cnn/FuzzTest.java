package cnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Fuzzing of every public method of the reference: random shapes (empty, ragged, null rows, huge and negative
 * sizes, strides and paddings) and values (NaN, infinities, extremes). Whatever goes in, a method either returns
 * or throws {@link IllegalArgumentException} with a message saying what was wrong — never another exception, which
 * would be a bug a student could not learn from.
 */
@Label("Fuzzing the public API: only IllegalArgumentException with a message")
class FuzzTest {
    private static final int TRIES = 100;

    /** Runs a call; any exception other than an IllegalArgumentException with a non-blank message fails. */
    private static void onlyIllegalArgument(Runnable call) {
        try {
            call.run();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as("the message of %s", e).isNotBlank();
        }
    }

    @Property(tries = TRIES, seed = "42")
    void convolutionRejectsBadInputOnlyWithIllegalArgument(
            @ForAll("matrices") double[][] image,
            @ForAll("matrices") double[][] detector,
            @ForAll("sizes") int stride,
            @ForAll("sizes") int padding) {
        onlyIllegalArgument(() -> Convolution.convolve(image, detector));
        onlyIllegalArgument(() -> Convolution.convolve(image, detector, stride, padding));
    }

    /** Every int, with jqwik's edge cases (0, ±1, MIN_VALUE, MAX_VALUE) combined: where sizes overflow. */
    @Property(tries = TRIES, seed = "42")
    void convolutionGeometryNeverOverflows(@ForAll int stride, @ForAll int padding) {
        for (double[][] image : new double[][][] {{{1}}, {{1, 2}, {3, 4}}}) {
            onlyIllegalArgument(() -> Convolution.convolve(image, new double[][] {{1}}, stride, padding));
            onlyIllegalArgument(() -> MaxPooling.pool(image, stride, padding));
        }
    }

    /** Found by {@link #convolutionGeometryNeverOverflows}: the cell count overflowed a long. */
    @Example
    void hugePaddingIsRejectedNotOverflowed() {
        onlyIllegalArgument(
                () -> Convolution.convolve(new double[][] {{1}}, new double[][] {{1}}, 1, Integer.MAX_VALUE));
    }

    @Property(tries = TRIES, seed = "42")
    void convolutionLayerRejectsBadInputOnlyWithIllegalArgument(
            @ForAll("stacks") double[][][] input,
            @ForAll("filterBanks") double[][][][] filters,
            @ForAll("vectors") double[] bias,
            @ForAll("sizes") int stride,
            @ForAll("sizes") int padding) {
        onlyIllegalArgument(() -> Convolution.convolve(input, filters, bias, stride, padding));
    }

    @Property(tries = TRIES, seed = "42")
    void reluAndFlatteningRejectBadInputOnlyWithIllegalArgument(
            @ForAll("matrices") double[][] map, @ForAll("stacks") double[][][] maps) {
        onlyIllegalArgument(() -> Relu.apply(map));
        onlyIllegalArgument(() -> Relu.apply(maps));
        onlyIllegalArgument(() -> Flattening.flatten(map));
        onlyIllegalArgument(() -> Flattening.flatten(maps));
    }

    @Property(tries = TRIES, seed = "42")
    void maxPoolingRejectsBadInputOnlyWithIllegalArgument(
            @ForAll("matrices") double[][] map,
            @ForAll("stacks") double[][][] maps,
            @ForAll("sizes") int size,
            @ForAll("sizes") int stride) {
        onlyIllegalArgument(() -> MaxPooling.pool(map));
        onlyIllegalArgument(() -> MaxPooling.pool(map, size, stride));
        onlyIllegalArgument(() -> MaxPooling.pool(maps, size, stride));
    }

    @Property(tries = TRIES, seed = "42")
    void fullConnectionRejectsBadInputOnlyWithIllegalArgument(
            @ForAll("vectors") double[] input,
            @ForAll("matrices") double[][] weights,
            @ForAll("vectors") double[] bias) {
        onlyIllegalArgument(() -> FullConnection.forward(input, weights, bias));
    }

    @Property(tries = TRIES, seed = "42")
    void softmaxAndCrossEntropyRejectBadInputOnlyWithIllegalArgument(
            @ForAll("vectors") double[] a, @ForAll("vectors") double[] b) {
        onlyIllegalArgument(() -> Softmax.apply(a));
        onlyIllegalArgument(() -> CrossEntropy.loss(a, b));
        onlyIllegalArgument(() -> CrossEntropy.gradient(a, b));
    }

    @Property(tries = TRIES, seed = "42")
    void errorMeasuresRejectBadInputOnlyWithIllegalArgument(
            @ForAll("matrices") double[][] predicted, @ForAll("matrices") double[][] actual) {
        onlyIllegalArgument(() -> ErrorMeasures.classificationError(predicted, actual));
        onlyIllegalArgument(() -> ErrorMeasures.meanSquaredError(predicted, actual));
        onlyIllegalArgument(() -> ErrorMeasures.crossEntropy(predicted, actual));
    }

    // --- generators -------------------------------------------------------------------------------------------

    /** Sizes, strides and paddings: small ones, and the extremes where int arithmetic overflows. */
    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(-2, 6)),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                Integer.MIN_VALUE,
                                Integer.MAX_VALUE,
                                Integer.MAX_VALUE / 2,
                                1 << 15,
                                1 << 20,
                                46_341)));
    }

    /** Cell values: ordinary numbers, and NaN, infinities, zeros of both signs and the extremes. */
    private static Arbitrary<Double> cells() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.doubles().between(-10, 10)),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                Double.NaN,
                                Double.POSITIVE_INFINITY,
                                Double.NEGATIVE_INFINITY,
                                -0.0,
                                0.0,
                                1.0,
                                Double.MAX_VALUE,
                                -Double.MAX_VALUE,
                                Double.MIN_VALUE)));
    }

    /** Vectors: null, empty, probabilities, or any values. */
    @Provide
    Arbitrary<double[]> vectors() {
        Arbitrary<double[]> any = cells().array(double[].class).ofMaxSize(6);
        Arbitrary<double[]> probabilities = Arbitraries.doubles()
                .between(0, 1)
                .array(double[].class)
                .ofMinSize(1)
                .ofMaxSize(6);
        return Arbitraries.oneOf(any, probabilities).injectNull(0.05);
    }

    /** Matrices: mostly rectangular, sometimes null, empty, ragged or with null rows. */
    @Provide
    Arbitrary<double[][]> matrices() {
        Arbitrary<double[][]> rectangular = Combinators.combine(dims(5), dims(5), Arbitraries.longs())
                .as((h, w, seed) -> fill(new Random(seed), h, w));
        Arbitrary<double[][]> wild = cells().array(double[].class)
                .ofMaxSize(4)
                .injectNull(0.1)
                .array(double[][].class)
                .ofMaxSize(4);
        return Arbitraries.frequencyOf(Tuple.of(3, rectangular), Tuple.of(2, wild))
                .injectNull(0.05);
    }

    /** Stacks of maps: mostly of one shape, sometimes of several, with null or bad maps. */
    @Provide
    Arbitrary<double[][][]> stacks() {
        Arbitrary<double[][][]> sameShape = Combinators.combine(dims(3), dims(5), dims(5), Arbitraries.longs())
                .as((c, h, w, seed) -> stack(new Random(seed), c, h, w));
        Arbitrary<double[][][]> wild = matrices().array(double[][][].class).ofMaxSize(3);
        return Arbitraries.frequencyOf(Tuple.of(3, sameShape), Tuple.of(1, wild))
                .injectNull(0.05);
    }

    /** Filter banks: mostly consistent, sometimes with null, empty or odd filters. */
    @Provide
    Arbitrary<double[][][][]> filterBanks() {
        Arbitrary<double[][][][]> consistent = Combinators.combine(
                        dims(3), dims(3), dims(4), dims(4), Arbitraries.longs())
                .as((f, c, h, w, seed) -> {
                    Random random = new Random(seed);
                    double[][][][] bank = new double[f][][][];
                    for (int i = 0; i < f; i++) {
                        bank[i] = stack(random, c, h, w);
                    }
                    return bank;
                });
        Arbitrary<double[][][][]> wild = stacks().array(double[][][][].class).ofMaxSize(3);
        return Arbitraries.frequencyOf(Tuple.of(3, consistent), Tuple.of(1, wild))
                .injectNull(0.05);
    }

    private static Arbitrary<Integer> dims(int max) {
        return Arbitraries.integers().between(1, max);
    }

    private static double[][][] stack(Random random, int c, int h, int w) {
        double[][][] maps = new double[c][][];
        for (int i = 0; i < c; i++) {
            maps[i] = fill(random, h, w);
        }
        return maps;
    }

    /** A matrix of ordinary values with, now and then, a special one. */
    private static double[][] fill(Random random, int h, int w) {
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -0.0};
        double[][] m = new double[h][w];
        for (double[] row : m) {
            for (int c = 0; c < w; c++) {
                row[c] =
                        random.nextInt(20) == 0 ? special[random.nextInt(special.length)] : random.nextDouble() * 4 - 2;
            }
        }
        return m;
    }
}
