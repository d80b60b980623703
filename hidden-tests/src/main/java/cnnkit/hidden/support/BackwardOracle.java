package cnnkit.hidden.support;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The right backward passes (Part 2), computed independently of the reference solutions and written differently
 * from them on purpose: the convolution's gradients are worked out on the padded image and cropped afterwards,
 * pooling reuses {@link Oracle#windowStarts}, softmax builds its whole Jacobian matrix. Each method returns
 * ∂L/∂(its argument) given ∂L/∂(the forward output) {@code g}. Only valid arguments come here.
 */
public final class BackwardOracle {
    private BackwardOracle() {}

    /**
     * @return ∂L/∂image of {@link Oracle#convolve(double[][], double[][], int, int)}: every output cell's gradient
     *     scattered over the padded image cells it covered, times the detector cell laid on each; padding cropped
     */
    public static double[][] imageGradient(double[][] image, double[][] k, double[][] g, int stride, int padding) {
        double[][] padded = new double[image.length + 2 * padding][image[0].length + 2 * padding];
        for (int r = 0; r < g.length; r++) {
            for (int c = 0; c < g[0].length; c++) {
                for (int i = 0; i < k.length; i++) {
                    for (int j = 0; j < k[0].length; j++) {
                        padded[r * stride + i][c * stride + j] += g[r][c] * k[i][j];
                    }
                }
            }
        }
        return crop(padded, padding, image.length, image[0].length);
    }

    /**
     * @return ∂L/∂detector: detector cell (i, j) multiplied the padded image cell under it at every position, so its
     *     gradient is the sum of those cells, each times its position's gradient
     */
    public static double[][] detectorGradient(double[][] image, double[][] k, double[][] g, int stride, int padding) {
        double[][] padded = Oracle.pad(image, padding, padding, padding, padding);
        double[][] out = new double[k.length][k[0].length];
        for (int i = 0; i < k.length; i++) {
            for (int j = 0; j < k[0].length; j++) {
                int di = i;
                int dj = j;
                out[i][j] = IntStream.range(0, g.length)
                        .mapToDouble(r -> IntStream.range(0, g[0].length)
                                .mapToDouble(c -> g[r][c] * padded[r * stride + di][c * stride + dj])
                                .sum())
                        .sum();
            }
        }
        return out;
    }

    /** @return ∂L/∂input of the layer: per channel, the image gradients of all filters added up */
    public static double[][][] inputGradient(
            double[][][] input, double[][][][] filters, double[][][] g, int stride, int padding) {
        double[][][] out = new double[input.length][][];
        for (int c = 0; c < input.length; c++) {
            int channel = c;
            out[c] = IntStream.range(0, filters.length)
                    .mapToObj(f -> imageGradient(input[channel], filters[f][channel], g[f], stride, padding))
                    .reduce(Oracle::plus)
                    .orElseThrow();
        }
        return out;
    }

    /** @return ∂L/∂filters of the layer: {@code [filter][channel]}, the detector gradient of that kernel */
    public static double[][][][] filterGradient(
            double[][][] input, double[][][][] filters, double[][][] g, int stride, int padding) {
        return IntStream.range(0, filters.length)
                .mapToObj(f -> IntStream.range(0, input.length)
                        .mapToObj(c -> detectorGradient(input[c], filters[f][c], g[f], stride, padding))
                        .toArray(double[][][]::new))
                .toArray(double[][][][]::new);
    }

    /** @return ∂L/∂bias of the layer: each filter's bias was added to every cell of its map, so the map's sum */
    public static double[] biasGradient(double[][][] g) {
        return Arrays.stream(g).mapToDouble(BackwardOracle::sum).toArray();
    }

    /** @return the sum of a map's cells */
    static double sum(double[][] map) {
        return Arrays.stream(map).flatMapToDouble(Arrays::stream).sum();
    }

    /** @return ∂L/∂map of ReLU: the gradient where the input is &gt; 0, else 0 */
    public static double[][] reluBackward(double[][] map, double[][] g) {
        double[][] out = new double[map.length][];
        for (int r = 0; r < map.length; r++) {
            int row = r;
            out[r] = IntStream.range(0, map[r].length)
                    .mapToDouble(c -> map[row][c] > 0 ? g[row][c] : 0)
                    .toArray();
        }
        return out;
    }

    /** @return ReLU's gradient map by map */
    public static double[][][] reluBackward(double[][][] maps, double[][][] g) {
        return IntStream.range(0, maps.length)
                .mapToObj(m -> reluBackward(maps[m], g[m]))
                .toArray(double[][][]::new);
    }

    /**
     * @return ∂L/∂map of max pooling: each window's gradient added to its largest cell, the first in row-major order
     *     on ties (a later cell must be strictly larger to win)
     */
    public static double[][] poolBackward(double[][] map, double[][] g, int size, int stride) {
        List<Integer> rows = Oracle.windowStarts(map.length, size, stride);
        List<Integer> cols = Oracle.windowStarts(map[0].length, size, stride);
        double[][] out = new double[map.length][map[0].length];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                int[] winner = winner(map, rows.get(i), cols.get(j), size);
                out[winner[0]][winner[1]] += g[i][j];
            }
        }
        return out;
    }

    /** @return {row, col} of the window's first largest cell in row-major order */
    static int[] winner(double[][] map, int top, int left, int size) {
        int[] best = {top, left};
        for (int r = top; r < Math.min(map.length, top + size); r++) {
            for (int c = left; c < Math.min(map[0].length, left + size); c++) {
                if (map[r][c] > map[best[0]][best[1]]) {
                    best = new int[] {r, c};
                }
            }
        }
        return best;
    }

    /** @return max pooling's gradient map by map */
    public static double[][][] poolBackward(double[][][] maps, double[][][] g, int size, int stride) {
        return IntStream.range(0, maps.length)
                .mapToObj(m -> poolBackward(maps[m], g[m], size, stride))
                .toArray(double[][][]::new);
    }

    /** @return the flat vector back in {@code maps} maps of rows x cols: cell (m, r, c) is value m·rows·cols + r·cols + c */
    public static double[][][] unflatten(double[] v, int maps, int rows, int cols) {
        double[][][] out = new double[maps][rows][cols];
        for (int i = 0; i < v.length; i++) {
            out[i / (rows * cols)][(i / cols) % rows][i % cols] = v[i];
        }
        return out;
    }

    /** @return ∂L/∂input of the dense layer: {@code Σ_o weights[o][i] · g[o]} per input i */
    public static double[] inputGradient(double[][] weights, double[] g) {
        return IntStream.range(0, weights[0].length)
                .mapToDouble(i -> IntStream.range(0, g.length)
                        .mapToDouble(o -> g[o] * weights[o][i])
                        .sum())
                .toArray();
    }

    /** @return ∂L/∂weights of the dense layer, {@code [output][input]}: {@code g[o] · input[i]} */
    public static double[][] weightGradient(double[] input, double[] g) {
        return Arrays.stream(g)
                .mapToObj(go -> Arrays.stream(input).map(x -> go * x).toArray())
                .toArray(double[][]::new);
    }

    /** @return ∂L/∂scores of softmax: {@code gᵀJ} with the whole Jacobian {@code J[j][i] = y_j (δ_ij − y_i)} */
    public static double[] softmaxBackward(double[] z, double[] g) {
        double[] y = Oracle.softmax(z);
        double[] out = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            for (int i = 0; i < z.length; i++) {
                out[i] += g[j] * y[j] * ((i == j ? 1 : 0) - y[i]);
            }
        }
        return out;
    }

    private static double[][] crop(double[][] padded, int p, int rows, int cols) {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(padded[r + p], p, p + cols);
        }
        return out;
    }
}
