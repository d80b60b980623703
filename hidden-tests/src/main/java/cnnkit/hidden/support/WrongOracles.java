package cnnkit.hidden.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.IntStream;

/**
 * The catalogue's misconceptions as code: each method returns what the known wrong ways of doing a step would
 * return on the given input (see {@code misconceptions.csv} for the ids and their hints). A student's result
 * that equals one of them is recognised as that mistake. A misconception may have several variants (e.g. padding
 * on the top-left or on the bottom-right only); a variant that does not apply to the input is left out.
 *
 * <p>The "changes its input" misconceptions ({@code *-in-place}) are recognised by comparing the inputs before
 * and after the call ({@link Expect#leavesInputsUnchanged}); their methods here show the mistake on a copy.
 */
public final class WrongOracles {
    private WrongOracles() {}

    // ---- Step 1: Convolution --------------------------------------------------------------------------------

    /** @return the convolution misconceptions on one image */
    public static List<Wrong> convolve(double[][] image, double[][] k, int stride, int padding) {
        List<Wrong> out = new ArrayList<>();
        for (Variant v : convolutionVariants(image.length, image[0].length, k.length, k[0].length, stride, padding)) {
            double[][] result = v.conv.apply(image, k);
            if (result != null) {
                out.add(new Wrong(v.id, result));
            }
        }
        return out;
    }

    /** @return the convolution-layer misconceptions: the single-image ones applied per channel, and a forgotten bias */
    public static List<Wrong> convolve(
            double[][][] input, double[][][][] filters, double[] bias, int stride, int padding) {
        List<Wrong> out = new ArrayList<>();
        out.add(new Wrong("bias-ignored", Oracle.convolve(input, filters, new double[bias.length], stride, padding)));
        for (Variant v : convolutionVariants(
                input[0].length, input[0][0].length, filters[0][0].length, filters[0][0][0].length, stride, padding)) {
            double[][][] maps = new double[filters.length][][];
            for (int f = 0; f < filters.length && maps != null; f++) {
                double[][] sum = null;
                for (int c = 0; c < input.length && maps != null; c++) {
                    double[][] one = v.conv.apply(input[c], filters[f][c]);
                    if (one == null) {
                        maps = null;
                    } else {
                        sum = sum == null ? one : Oracle.plus(sum, one);
                    }
                }
                if (maps != null) {
                    maps[f] = Oracle.add(sum, bias[f]);
                }
            }
            if (maps != null) {
                out.add(new Wrong(v.id, maps));
            }
        }
        return out;
    }

    private record Variant(String id, BinaryOperator<double[][]> conv) {}

    /** Each wrong convolution as a function of (image, detector); it returns null where it cannot be computed. */
    private static List<Variant> convolutionVariants(int h, int w, int kh, int kw, int stride, int p) {
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("kernel-flipped", (img, k) -> Oracle.convolve(img, rotate(k), stride, p)));
        // "same": the output as large as the input, the missing border read as zeros (centred or bottom-right)
        v.add(new Variant(
                "same-size-output",
                (img, k) -> fit(
                        Oracle.slide(Oracle.pad(img, (kh - 1) / 2, (kw - 1) / 2, kh / 2, kw / 2), k, stride),
                        h,
                        w,
                        stride)));
        v.add(new Variant(
                "same-size-output",
                (img, k) -> fit(Oracle.slide(Oracle.pad(img, 0, 0, kh - 1, kw - 1), k, stride), h, w, stride)));
        // before "off by one": padding on the top-left only also gives the right map without its last row/column
        if (p > 0) {
            if (kh <= h && kw <= w) {
                v.add(new Variant("padding-ignored", (img, k) -> Oracle.convolve(img, k, stride, 0)));
            }
            if (kh <= h + p && kw <= w + p) {
                v.add(new Variant(
                        "padding-one-side", (img, k) -> Oracle.slide(Oracle.pad(img, p, p, 0, 0), k, stride)));
                v.add(new Variant(
                        "padding-one-side", (img, k) -> Oracle.slide(Oracle.pad(img, 0, 0, p, p), k, stride)));
            }
            // the padded array has the right size, but the image was copied to its top-left corner
            v.add(new Variant(
                    "padding-one-side", (img, k) -> Oracle.slide(Oracle.pad(img, 0, 0, 2 * p, 2 * p), k, stride)));
        }
        // one row and column too few, or one too many (read as zeros past the edge)
        v.add(new Variant("output-off-by-one", (img, k) -> shrink(Oracle.convolve(img, k, stride, p))));
        v.add(new Variant(
                "output-off-by-one",
                (img, k) -> Oracle.slide(Oracle.pad(img, p, p, p + stride, p + stride), k, stride)));
        if (stride > 1) {
            v.add(new Variant("stride-ignored", (img, k) -> Oracle.convolve(img, k, 1, p)));
            v.add(new Variant(
                    "stride-ignored",
                    (img, k) -> topLeft(
                            Oracle.convolve(img, k, 1, p),
                            (h + 2 * p - kh) / stride + 1,
                            (w + 2 * p - kw) / stride + 1)));
        }
        return v;
    }

    /** The detector turned by 180°: what "true" (mathematical) convolution lays on the image. */
    static double[][] rotate(double[][] k) {
        double[][] out = new double[k.length][k[0].length];
        for (int r = 0; r < k.length; r++) {
            for (int c = 0; c < k[0].length; c++) {
                out[k.length - 1 - r][k[0].length - 1 - c] = k[r][c];
            }
        }
        return out;
    }

    private static double[][] shrink(double[][] m) {
        return m.length < 2 || m[0].length < 2 ? null : topLeft(m, m.length - 1, m[0].length - 1);
    }

    /** The top-left rows x cols of m, or null if m is smaller. */
    private static double[][] topLeft(double[][] m, int rows, int cols) {
        if (m.length < rows || m[0].length < cols) {
            return null;
        }
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOf(m[r], cols);
        }
        return out;
    }

    /** A "same" result has ceil(n / stride) cells per axis. */
    private static double[][] fit(double[][] m, int h, int w, int stride) {
        return topLeft(m, (h + stride - 1) / stride, (w + stride - 1) / stride);
    }

    // ---- Step 1(b): ReLU ------------------------------------------------------------------------------------

    /** @return ReLU as |x|, and ReLU keeping the negative side (min(0, x)) */
    public static List<Wrong> relu(double[][] map) {
        return List.of(
                new Wrong("relu-absolute-value", cellwise(map, Math::abs)),
                new Wrong("relu-wrong-side", cellwise(map, x -> Math.min(0.0, x))));
    }

    /** @return the ReLU misconceptions on every map of a stack */
    public static List<Wrong> relu(double[][][] maps) {
        return List.of(
                new Wrong(
                        "relu-absolute-value",
                        Arrays.stream(maps).map(m -> cellwise(m, Math::abs)).toArray(double[][][]::new)),
                new Wrong(
                        "relu-wrong-side",
                        Arrays.stream(maps)
                                .map(m -> cellwise(m, x -> Math.min(0.0, x)))
                                .toArray(double[][][]::new)));
    }

    /** relu-in-place: writes max(0, x) into the caller's map and returns it. */
    public static double[][] reluInPlace(double[][] map) {
        for (double[] row : map) {
            for (int c = 0; c < row.length; c++) {
                row[c] = Math.max(0, row[c]);
            }
        }
        return map;
    }

    private static double[][] cellwise(double[][] m, java.util.function.DoubleUnaryOperator f) {
        return Arrays.stream(m).map(row -> Arrays.stream(row).map(f).toArray()).toArray(double[][]::new);
    }

    // ---- Step 2: Max pooling --------------------------------------------------------------------------------

    /** @return pooling that drops partial windows, average pooling (two ways), max that starts at 0 */
    public static List<Wrong> pool(double[][] map, int size, int stride) {
        double[][] right = Oracle.pool(map, size, stride);
        return List.of(
                new Wrong("pooling-drops-partial-windows", fullWindowsOnly(map, size, stride)),
                new Wrong("average-pooling", average(map, size, stride, false)),
                new Wrong("average-pooling", average(map, size, stride, true)),
                new Wrong("max-starts-at-zero", cellwise(right, x -> Math.max(0, x))));
    }

    /** @return the pooling misconceptions on every map of a stack */
    public static List<Wrong> pool(double[][][] maps, int size, int stride) {
        List<Wrong> out = new ArrayList<>();
        List<List<Wrong>> perMap =
                Arrays.stream(maps).map(m -> pool(m, size, stride)).toList();
        for (int i = 0; i < perMap.get(0).size(); i++) {
            int variant = i;
            out.add(new Wrong(
                    perMap.get(0).get(i).misconception(),
                    perMap.stream()
                            .map(l -> (double[][]) l.get(variant).output())
                            .toArray(double[][][]::new)));
        }
        return out;
    }

    /** Only windows that fit entirely: floor((n − size) / stride) + 1 per axis (none if the map is smaller). */
    private static double[][] fullWindowsOnly(double[][] map, int size, int stride) {
        int rows = map.length < size ? 0 : (map.length - size) / stride + 1;
        int cols = map[0].length < size ? 0 : (map[0].length - size) / stride + 1;
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = Oracle.pool(window(map, r * stride, c * stride, size), size, size)[0][0];
            }
        }
        return out;
    }

    private static double[][] window(double[][] map, int top, int left, int size) {
        return IntStream.range(top, Math.min(top + size, map.length))
                .mapToObj(r -> Arrays.copyOfRange(map[r], left, Math.min(left + size, map[0].length)))
                .toArray(double[][]::new);
    }

    /** Mean of each window, over the cells that exist or over size² (missing cells counted as 0). */
    private static double[][] average(double[][] map, int size, int stride, boolean overFullWindow) {
        List<Integer> rows = Oracle.windowStarts(map.length, size, stride);
        List<Integer> cols = Oracle.windowStarts(map[0].length, size, stride);
        double[][] out = new double[rows.size()][cols.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                double[][] win = window(map, rows.get(i), cols.get(j), size);
                double sum = Arrays.stream(win).flatMapToDouble(Arrays::stream).sum();
                int n = overFullWindow ? size * size : win.length * win[0].length;
                out[i][j] = sum / n;
            }
        }
        return out;
    }

    // ---- Step 3: Flattening ---------------------------------------------------------------------------------

    /** @return the map read column by column */
    public static List<Wrong> flatten(double[][] map) {
        return List.of(new Wrong("flatten-column-by-column", columnByColumn(map)));
    }

    /** @return every map read column by column, map after map */
    public static List<Wrong> flatten(double[][][] maps) {
        return List.of(new Wrong(
                "flatten-column-by-column",
                Arrays.stream(maps)
                        .flatMapToDouble(m -> Arrays.stream(columnByColumn(m)))
                        .toArray()));
    }

    private static double[] columnByColumn(double[][] m) {
        double[] out = new double[m.length * m[0].length];
        for (int c = 0; c < m[0].length; c++) {
            for (int r = 0; r < m.length; r++) {
                out[c * m.length + r] = m[r][c];
            }
        }
        return out;
    }

    // ---- Step 4: Full connection ----------------------------------------------------------------------------

    /** @return weights read as {@code weights[input][output]} (square weights only) and a forgotten bias */
    public static List<Wrong> forward(double[] input, double[][] weights, double[] bias) {
        List<Wrong> out = new ArrayList<>();
        out.add(new Wrong("dense-bias-forgotten", Oracle.forward(input, weights, new double[bias.length])));
        if (weights.length == weights[0].length) {
            double[][] transposed = new double[weights.length][weights.length];
            for (int r = 0; r < weights.length; r++) {
                for (int c = 0; c < weights.length; c++) {
                    transposed[c][r] = weights[r][c];
                }
            }
            out.add(new Wrong("weights-transposed", Oracle.forward(input, transposed, bias)));
        }
        return out;
    }

    /** dense-bias-in-place: adds the weighted sums into the caller's bias array and returns it. */
    public static double[] forwardIntoBias(double[] input, double[][] weights, double[] bias) {
        double[] sums = Oracle.forward(input, weights, new double[bias.length]);
        for (int o = 0; o < bias.length; o++) {
            bias[o] += sums[o];
        }
        return bias;
    }

    // ---- Extra 1: Softmax -----------------------------------------------------------------------------------

    /** @return softmax without subtracting the max (overflows to NaN) and softmax without exp */
    public static List<Wrong> softmax(double[] z) {
        double[] e = Arrays.stream(z).map(Math::exp).toArray();
        double sumE = Arrays.stream(e).sum();
        double sumZ = Arrays.stream(z).sum();
        return List.of(
                new Wrong(
                        "softmax-overflow", Arrays.stream(e).map(x -> x / sumE).toArray()),
                new Wrong(
                        "softmax-without-exp",
                        Arrays.stream(z).map(x -> x / sumZ).toArray()));
    }

    /** softmax-in-place: overwrites the caller's scores with the probabilities. */
    public static double[] softmaxInPlace(double[] z) {
        double[] y = Oracle.softmax(z);
        System.arraycopy(y, 0, z, 0, z.length);
        return z;
    }

    // ---- Extra 2: Cross-entropy -----------------------------------------------------------------------------

    /** @return the loss with log base 10 or 2, and with 0 · ln 0 computed (NaN) */
    public static List<Wrong> loss(double[] p, double[] t) {
        double ln = Oracle.loss(p, t);
        double all = -IntStream.range(0, p.length)
                .mapToDouble(i -> t[i] * Math.log(p[i]))
                .sum();
        return List.of(
                new Wrong("log-base-10", ln / Math.log(10)),
                new Wrong("log-base-2", ln / Math.log(2)),
                new Wrong("zero-log-zero-nan", all));
    }

    /** @return the gradient as t − y and as scores − t (softmax skipped) */
    public static List<Wrong> gradient(double[] z, double[] t) {
        double[] right = Oracle.gradient(z, t);
        return List.of(
                new Wrong(
                        "gradient-sign-flipped",
                        Arrays.stream(right).map(x -> -x).toArray()),
                new Wrong(
                        "gradient-skips-softmax",
                        IntStream.range(0, z.length)
                                .mapToDouble(i -> z[i] - t[i])
                                .toArray()));
    }

    /** gradient-in-place: turns the caller's scores into y − t and returns them. */
    public static double[] gradientInPlace(double[] z, double[] t) {
        double[] g = Oracle.gradient(z, t);
        System.arraycopy(g, 0, z, 0, z.length);
        return z;
    }

    // ---- Extra 3: Error measures ----------------------------------------------------------------------------

    /** @return accuracy instead of error, and argmax that takes the last index on ties */
    public static List<Wrong> classificationError(double[][] p, double[][] t) {
        double lastOnTies = (double) IntStream.range(0, p.length)
                        .filter(r -> lastArgmax(p[r]) != lastArgmax(t[r]))
                        .count()
                / p.length;
        return List.of(
                new Wrong("accuracy-instead-of-error", 1 - Oracle.classificationError(p, t)),
                new Wrong("argmax-last-on-ties", lastOnTies));
    }

    private static int lastArgmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] >= v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** @return MSE averaged over every cell instead of over the rows */
    public static List<Wrong> meanSquaredError(double[][] p, double[][] t) {
        return List.of(new Wrong("mse-averaged-over-cells", Oracle.meanSquaredError(p, t) / p[0].length));
    }

    /** @return cross-entropy summed over the rows instead of averaged */
    public static List<Wrong> crossEntropy(double[][] p, double[][] t) {
        return List.of(new Wrong("cross-entropy-summed", Oracle.crossEntropy(p, t) * p.length));
    }
}
