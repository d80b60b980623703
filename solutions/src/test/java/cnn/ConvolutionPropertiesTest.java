package cnn;

import static cnn.ReferenceFixtures.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of {@link Convolution} that must hold for every input, checked by jqwik with a fixed seed. */
@Label("Step 1 — Convolution (reference): invariants")
class ConvolutionPropertiesTest {
    @Property(seed = "42", tries = 200)
    void convolutionIsLinearInTheImage(
            @ForAll("imageAndDetector") double[][][] pair,
            @ForAll @DoubleRange(min = -3, max = 3) double a,
            @ForAll @DoubleRange(min = -3, max = 3) double b) {
        double[][] x = pair[0];
        double[][] k = pair[1];
        double[][] y = new double[x.length][x[0].length];
        double[][] mix = new double[x.length][x[0].length];
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < x[0].length; c++) {
                y[r][c] = (r * 7 + c * 3) % 5 - 2;
                mix[r][c] = a * x[r][c] + b * y[r][c];
            }
        }
        double[][] left = Convolution.convolve(mix, k);
        double[][] cx = Convolution.convolve(x, k);
        double[][] cy = Convolution.convolve(y, k);
        for (int r = 0; r < left.length; r++) {
            for (int c = 0; c < left[0].length; c++) {
                assertThat(left[r][c]).isCloseTo(a * cx[r][c] + b * cy[r][c], within(1e-6));
            }
        }
    }

    @Property(seed = "42", tries = 200)
    void outputHasFloorOfNPlusTwoPMinusKOverSPlusOneCellsPerAxis(
            @ForAll @IntRange(min = 1, max = 9) int h,
            @ForAll @IntRange(min = 1, max = 9) int w,
            @ForAll @IntRange(min = 1, max = 4) int kh,
            @ForAll @IntRange(min = 1, max = 4) int kw,
            @ForAll @IntRange(min = 1, max = 3) int stride,
            @ForAll @IntRange(min = 0, max = 2) int padding) {
        if (kh > h + 2 * padding || kw > w + 2 * padding) {
            rejects(() -> Convolution.convolve(new double[h][w], new double[kh][kw], stride, padding), "larger");
            return;
        }
        assertThat(Convolution.convolve(new double[h][w], new double[kh][kw], stride, padding))
                .hasDimensions((h + 2 * padding - kh) / stride + 1, (w + 2 * padding - kw) / stride + 1);
    }

    @Property(seed = "42", tries = 100)
    void aLayerSumsItsChannelsAndAddsTheBias(
            @ForAll("imageAndDetector") double[][][] a, @ForAll @DoubleRange(min = -5, max = 5) double bias) {
        double[][] x = a[0];
        double[][] k = a[1];
        double[][] doubled = new double[x.length][x[0].length];
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < x[0].length; c++) {
                doubled[r][c] = 2 * x[r][c];
            }
        }
        double[][][] out = Convolution.convolve(
                new double[][][] {x, doubled}, new double[][][][] {{k, k}}, new double[] {bias}, 1, 0);
        double[][] single = Convolution.convolve(x, k);
        for (int r = 0; r < single.length; r++) {
            for (int c = 0; c < single[0].length; c++) {
                assertThat(out[0][r][c]).isCloseTo(3 * single[r][c] + bias, within(1e-6));
            }
        }
    }

    /** An image and a detector no larger than it, as {@code {image, detector}}. */
    @Provide
    Arbitrary<double[][][]> imageAndDetector() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 6),
                        Arbitraries.integers().between(1, 6))
                .flatAs((h, w) -> Combinators.combine(
                                ReferenceFixtures.matrices(h, w),
                                Arbitraries.integers().between(1, h),
                                Arbitraries.integers().between(1, w))
                        .flatAs((image, kh, kw) ->
                                ReferenceFixtures.matrices(kh, kw).map(k -> new double[][][] {image, k})));
    }
}
