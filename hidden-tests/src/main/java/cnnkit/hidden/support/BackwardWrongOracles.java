package cnnkit.hidden.support;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The catalogue's backward-pass mistakes (Part 2) as code, as {@link WrongOracles} holds the forward pass's: each
 * method returns what the known wrong ways of a backward pass would return on the given input (ids and hints in
 * {@code misconceptions.csv}). A variant that does not apply to the input (e.g. the stride ignored where the
 * stride is 1) is left out, since it is the right answer there.
 */
public final class BackwardWrongOracles {
    private BackwardWrongOracles() {}

    // ---- Back 1: Convolution ---------------------------------------------------------------------------------

    /** @return the image-gradient mistakes: the detector turned, the stride ignored, the padding kept */
    public static List<Wrong> imageGradient(double[][] image, double[][] k, double[][] g, int stride, int padding) {
        List<Wrong> out = new ArrayList<>();
        out.add(new Wrong(
                "image-gradient-not-flipped", BackwardOracle.imageGradient(image, rotate(k), g, stride, padding)));
        if (stride > 1) {
            out.add(new Wrong("backward-stride-ignored", BackwardOracle.imageGradient(image, k, g, 1, padding)));
        }
        if (padding > 0) {
            out.add(new Wrong(
                    "image-gradient-padding-kept",
                    BackwardOracle.imageGradient(
                            Oracle.pad(image, padding, padding, padding, padding), k, g, stride, 0)));
        }
        return out;
    }

    /** @return the detector-gradient mistakes: the stride ignored */
    public static List<Wrong> detectorGradient(double[][] image, double[][] k, double[][] g, int stride, int padding) {
        return stride > 1
                ? List.of(
                        new Wrong("backward-stride-ignored", BackwardOracle.detectorGradient(image, k, g, 1, padding)))
                : List.of();
    }

    /** @return the layer's input-gradient mistakes: the image-gradient ones, channel by channel */
    public static List<Wrong> inputGradient(
            double[][][] input, double[][][][] filters, double[][][] g, int stride, int padding) {
        List<Wrong> out = new ArrayList<>();
        double[][][][] rotated = new double[filters.length][input.length][][];
        for (int f = 0; f < filters.length; f++) {
            for (int c = 0; c < input.length; c++) {
                rotated[f][c] = rotate(filters[f][c]);
            }
        }
        out.add(new Wrong(
                "image-gradient-not-flipped", BackwardOracle.inputGradient(input, rotated, g, stride, padding)));
        if (stride > 1) {
            out.add(new Wrong("backward-stride-ignored", BackwardOracle.inputGradient(input, filters, g, 1, padding)));
        }
        return out;
    }

    /** @return the layer's filter-gradient mistakes: the stride ignored */
    public static List<Wrong> filterGradient(
            double[][][] input, double[][][][] filters, double[][][] g, int stride, int padding) {
        return stride > 1
                ? List.of(new Wrong(
                        "backward-stride-ignored", BackwardOracle.filterGradient(input, filters, g, 1, padding)))
                : List.of();
    }

    /** @return the bias-gradient mistake: each filter's gradient averaged over its map instead of summed */
    public static List<Wrong> biasGradient(double[][][] g) {
        double[] mean = new double[g.length];
        for (int f = 0; f < g.length; f++) {
            mean[f] = BackwardOracle.sum(g[f]) / (g[f].length * g[f][0].length);
        }
        return List.of(new Wrong("bias-gradient-averaged", mean));
    }

    /** @return k turned by 180° */
    static double[][] rotate(double[][] k) {
        double[][] out = new double[k.length][k[0].length];
        for (int i = 0; i < k.length; i++) {
            for (int j = 0; j < k[0].length; j++) {
                out[i][j] = k[k.length - 1 - i][k[0].length - 1 - j];
            }
        }
        return out;
    }

    // ---- Back 1(b): ReLU -------------------------------------------------------------------------------------

    /** @return the ReLU-gradient mistakes: passed where the input is exactly 0, or where the gradient is positive */
    public static List<Wrong> reluBackward(double[][] map, double[][] g) {
        double[][] atZero = new double[map.length][];
        double[][] bySign = new double[map.length][];
        for (int r = 0; r < map.length; r++) {
            int row = r;
            atZero[r] = IntStream.range(0, map[r].length)
                    .mapToDouble(c -> map[row][c] >= 0 ? g[row][c] : 0)
                    .toArray();
            bySign[r] = IntStream.range(0, map[r].length)
                    .mapToDouble(c -> g[row][c] > 0 ? g[row][c] : 0)
                    .toArray();
        }
        return List.of(
                new Wrong("relu-gradient-passes-at-zero", atZero), new Wrong("relu-gradient-from-its-sign", bySign));
    }

    /** @return the ReLU-gradient mistakes, map by map */
    public static List<Wrong> reluBackward(double[][][] maps, double[][][] g) {
        return perMap(maps.length, m -> reluBackward(maps[m], g[m]));
    }

    // ---- Back 2: Max pooling ---------------------------------------------------------------------------------

    /**
     * @return the pooling-gradient mistakes: spread over the window (the whole gradient to every cell, or shared
     *     out as average pooling would), sent to every tied cell, and overlapping windows overwriting one another
     */
    public static List<Wrong> poolBackward(double[][] map, double[][] g, int size, int stride) {
        List<Integer> rows = Oracle.windowStarts(map.length, size, stride);
        List<Integer> cols = Oracle.windowStarts(map[0].length, size, stride);
        double[][] everyCell = new double[map.length][map[0].length];
        double[][] shared = new double[map.length][map[0].length];
        double[][] everyTie = new double[map.length][map[0].length];
        double[][] overwritten = new double[map.length][map[0].length];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                int top = rows.get(i);
                int left = cols.get(j);
                int bottom = Math.min(map.length, top + size);
                int right = Math.min(map[0].length, left + size);
                int[] w = BackwardOracle.winner(map, top, left, size);
                double max = map[w[0]][w[1]];
                int count = (bottom - top) * (right - left);
                for (int r = top; r < bottom; r++) {
                    for (int c = left; c < right; c++) {
                        everyCell[r][c] += g[i][j];
                        shared[r][c] += g[i][j] / count;
                        if (map[r][c] == max) {
                            everyTie[r][c] += g[i][j];
                        }
                    }
                }
                overwritten[w[0]][w[1]] = g[i][j];
            }
        }
        return List.of(
                new Wrong("pool-gradient-spread", everyCell),
                new Wrong("pool-gradient-spread", shared),
                new Wrong("pool-gradient-to-every-tie", everyTie),
                new Wrong("pool-gradient-overwritten", overwritten));
    }

    /** @return the pooling-gradient mistakes, map by map */
    public static List<Wrong> poolBackward(double[][][] maps, double[][][] g, int size, int stride) {
        return perMap(maps.length, m -> poolBackward(maps[m], g[m], size, stride));
    }

    // ---- Back 4: Full connection -----------------------------------------------------------------------------

    /** @return the weight-gradient mistake: {@code x ⊗ g}, i.e. {@code [input][output]}, the transpose */
    public static List<Wrong> weightGradient(double[] input, double[] g) {
        return List.of(new Wrong("weight-gradient-transposed", BackwardOracle.weightGradient(g, input)));
    }

    // ---- Train: the training step ----------------------------------------------------------------------------

    /**
     * @param steps     the steps the training step is composed of (in the hidden checks: the student's own)
     * @param before    the network before the step
     * @param parameter which parameter the check compares, e.g. {@code TrainingOracle::weights}
     * @return the training mistake: a step up the gradient ({@code t − y} instead of {@code y − t}), seen in that
     *     parameter
     */
    public static List<Wrong> trainingStep(
            Steps steps,
            TrainingOracle before,
            double[][] image,
            int label,
            double rate,
            java.util.function.Function<TrainingOracle, Object> parameter) {
        return List.of(new Wrong(
                "training-gradient-sign-flipped", parameter.apply(before.step(steps, image, label, rate, -1))));
    }

    /**
     * The map-by-map version of a single map's mistakes: each misconception's results stacked, in the order of
     * the single map's list (every map yields the same ids in the same order).
     */
    private static List<Wrong> perMap(int maps, java.util.function.IntFunction<List<Wrong>> one) {
        List<List<Wrong>> each = IntStream.range(0, maps).mapToObj(one).toList();
        List<Wrong> out = new ArrayList<>();
        for (int w = 0; w < each.get(0).size(); w++) {
            int which = w;
            out.add(new Wrong(
                    each.get(0).get(w).misconception(),
                    each.stream()
                            .map(list -> (double[][]) list.get(which).output())
                            .toArray(double[][][]::new)));
        }
        return out;
    }
}
