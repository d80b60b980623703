package cnnkit.hidden.support;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The right answers, computed independently of the reference solutions (which are never on the class path next
 * to a student's code) and written differently from them on purpose: the image is padded first, pooling lists
 * its window starts, softmax goes through log-sum-exp. Only valid arguments come here; the arguments' checks are
 * what the students' code is tested for, not this class.
 */
public final class Oracle {
    private Oracle() {}

    /** The image with {@code p} rows/columns of zeros on every side. */
    static double[][] pad(double[][] image, int top, int left, int bottom, int right) {
        double[][] out = new double[image.length + top + bottom][image[0].length + left + right];
        for (int r = 0; r < image.length; r++) {
            System.arraycopy(image[r], 0, out[r + top], left, image[r].length);
        }
        return out;
    }

    /**
     * Cross-correlation of an already padded image: the detector laid on as it is, moved by {@code stride}. Plain
     * loops over array rows (no streams, no bounds tests): the filters run it on 1024x1024 pictures.
     */
    static double[][] slide(double[][] padded, double[][] k, int stride) {
        int rows = (padded.length - k.length) / stride + 1;
        int cols = (padded[0].length - k[0].length) / stride + 1;
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double sum = 0;
                for (int i = 0; i < k.length; i++) {
                    double[] under = padded[r * stride + i];
                    double[] detector = k[i];
                    for (int j = 0, x = c * stride; j < detector.length; j++, x++) {
                        sum += under[x] * detector[j];
                    }
                }
                out[r][c] = sum;
            }
        }
        return out;
    }

    /** @return the contract's convolution: zero padding on every side, then the detector moved by {@code stride} */
    public static double[][] convolve(double[][] image, double[][] k, int stride, int padding) {
        return slide(pad(image, padding, padding, padding, padding), k, stride);
    }

    /** @return a convolution layer: per filter, the sum over channels plus the filter's bias */
    public static double[][][] convolve(
            double[][][] input, double[][][][] filters, double[] bias, int stride, int padding) {
        double[][][] out = new double[filters.length][][];
        for (int f = 0; f < filters.length; f++) {
            out[f] = add(sumOverChannels(input, filters[f], stride, padding), bias[f]);
        }
        return out;
    }

    static double[][] sumOverChannels(double[][][] input, double[][][] filter, int stride, int padding) {
        double[][] sum = null;
        for (int c = 0; c < input.length; c++) {
            double[][] one = convolve(input[c], filter[c], stride, padding);
            sum = sum == null ? one : plus(sum, one);
        }
        return sum;
    }

    /** @return m with b added to every cell */
    public static double[][] add(double[][] m, double b) {
        double[][] out = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            out[r] = java.util.Arrays.stream(m[r]).map(x -> x + b).toArray();
        }
        return out;
    }

    /** @return a + b, cell by cell */
    static double[][] plus(double[][] a, double[][] b) {
        double[][] out = new double[a.length][a[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[0].length; c++) {
                out[r][c] = a[r][c] + b[r][c];
            }
        }
        return out;
    }

    /** @return max(0, x) per cell */
    public static double[][] relu(double[][] map) {
        double[][] out = new double[map.length][];
        for (int r = 0; r < map.length; r++) {
            out[r] = java.util.Arrays.stream(map[r]).map(x -> Math.max(x, 0.0)).toArray();
        }
        return out;
    }

    /** @return ReLU of every map */
    public static double[][][] relu(double[][][] maps) {
        return java.util.Arrays.stream(maps).map(Oracle::relu).toArray(double[][][]::new);
    }

    /**
     * Where the windows start on an axis of {@code n} cells: from 0 by {@code stride}, until a window reaches the
     * last cell (partial windows kept), never starting past the last cell.
     */
    static List<Integer> windowStarts(int n, int size, int stride) {
        List<Integer> starts = new ArrayList<>();
        for (int start = 0; start < n; start += stride) {
            starts.add(start);
            if (start + size >= n) {
                break;
            }
        }
        return starts;
    }

    /** @return the contract's max pooling: partial windows over the right/bottom edge kept */
    public static double[][] pool(double[][] map, int size, int stride) {
        List<Integer> rows = windowStarts(map.length, size, stride);
        List<Integer> cols = windowStarts(map[0].length, size, stride);
        double[][] out = new double[rows.size()][cols.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                int top = rows.get(i);
                int left = cols.get(j);
                out[i][j] = IntStream.range(top, Math.min(top + size, map.length))
                        .mapToDouble(r -> IntStream.range(left, Math.min(left + size, map[0].length))
                                .mapToDouble(c -> map[r][c])
                                .max()
                                .getAsDouble())
                        .max()
                        .getAsDouble();
            }
        }
        return out;
    }

    /** @return every map pooled */
    public static double[][][] pool(double[][][] maps, int size, int stride) {
        return java.util.Arrays.stream(maps).map(m -> pool(m, size, stride)).toArray(double[][][]::new);
    }

    /** @return the cells row by row */
    public static double[] flatten(double[][] map) {
        return java.util.Arrays.stream(map)
                .flatMapToDouble(java.util.Arrays::stream)
                .toArray();
    }

    /** @return map after map, each row by row */
    public static double[] flatten(double[][][] maps) {
        return java.util.Arrays.stream(maps)
                .flatMapToDouble(m -> java.util.Arrays.stream(flatten(m)))
                .toArray();
    }

    /** @return {@code weights · input + bias} with {@code weights[output][input]} */
    public static double[] forward(double[] input, double[][] weights, double[] bias) {
        return IntStream.range(0, weights.length)
                .mapToDouble(o -> bias[o]
                        + IntStream.range(0, input.length)
                                .mapToDouble(i -> weights[o][i] * input[i])
                                .sum())
                .toArray();
    }

    /** @return softmax through log-sum-exp: {@code exp(z_i − logΣexp(z))} */
    public static double[] softmax(double[] z) {
        double m = java.util.Arrays.stream(z).max().getAsDouble();
        double logSum = m
                + Math.log(java.util.Arrays.stream(z).map(x -> Math.exp(x - m)).sum());
        return java.util.Arrays.stream(z).map(x -> Math.exp(x - logSum)).toArray();
    }

    /** @return {@code −Σ t ln p}, terms with t = 0 left out (0 · ln 0 = 0) */
    public static double loss(double[] p, double[] t) {
        return -IntStream.range(0, p.length)
                        .filter(i -> t[i] != 0)
                        .mapToDouble(i -> t[i] * Math.log(p[i]))
                        .sum()
                + 0.0;
    }

    /** @return {@code softmax(z) − t} */
    public static double[] gradient(double[] z, double[] t) {
        double[] y = softmax(z);
        return IntStream.range(0, z.length).mapToDouble(i -> y[i] - t[i]).toArray();
    }

    /** @return index of the largest value, the first on ties */
    static int argmax(double[] v) {
        return IntStream.range(0, v.length)
                .reduce((a, b) -> v[b] > v[a] ? b : a)
                .getAsInt();
    }

    /** @return share of rows whose argmax differs */
    public static double classificationError(double[][] p, double[][] t) {
        return (double) IntStream.range(0, p.length)
                        .filter(r -> argmax(p[r]) != argmax(t[r]))
                        .count()
                / p.length;
    }

    /** @return squared differences summed per row, averaged over rows */
    public static double meanSquaredError(double[][] p, double[][] t) {
        return IntStream.range(0, p.length)
                .mapToDouble(r -> IntStream.range(0, p[r].length)
                        .mapToDouble(c -> (p[r][c] - t[r][c]) * (p[r][c] - t[r][c]))
                        .sum())
                .average()
                .getAsDouble();
    }

    /** @return the loss per row, averaged over rows */
    public static double crossEntropy(double[][] p, double[][] t) {
        return IntStream.range(0, p.length)
                .mapToDouble(r -> loss(p[r], t[r]))
                .average()
                .getAsDouble();
    }
}
