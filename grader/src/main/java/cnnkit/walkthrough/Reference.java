package cnnkit.walkthrough;

/**
 * The walk's own oracle: the lecture's arithmetic written out plainly, independent of the solution classes (which
 * are not on the grader's class path). Inputs are trusted here: the walk only passes lecture data, and the filters
 * pass images it read itself.
 */
public final class Reference implements Implementation {
    /** The one instance; the oracle has no state. */
    public static final Reference INSTANCE = new Reference();

    private Reference() {
    }

    @Override
    public double[][] convolve(double[][] image, double[][] featureDetector) {
        return convolve(image, featureDetector, 1, 0);
    }

    /** Detector laid on the image as it is (cross-correlation, as in the lecture); cells outside count as 0. */
    @Override
    public double[][] convolve(double[][] image, double[][] k, int stride, int padding) {
        int h = (image.length + 2 * padding - k.length) / stride + 1;
        int w = (image[0].length + 2 * padding - k[0].length) / stride + 1;
        double[][] out = new double[h][w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double sum = 0;
                for (int i = 0; i < k.length; i++) {
                    int y = r * stride + i - padding;
                    if (y < 0 || y >= image.length) {
                        continue;
                    }
                    double[] imageRow = image[y];
                    double[] kernelRow = k[i];
                    for (int j = 0; j < kernelRow.length; j++) {
                        int x = c * stride + j - padding;
                        if (x >= 0 && x < imageRow.length) {
                            sum += imageRow[x] * kernelRow[j];
                        }
                    }
                }
                out[r][c] = sum;
            }
        }
        return out;
    }

    @Override
    public double[][] relu(double[][] map) {
        double[][] out = new double[map.length][];
        for (int r = 0; r < map.length; r++) {
            out[r] = new double[map[r].length];
            for (int c = 0; c < map[r].length; c++) {
                out[r][c] = Math.max(0, map[r][c]);
            }
        }
        return out;
    }

    /** 2x2, stride 2; windows over the right/bottom edge keep the cells they have (as in the lecture). */
    @Override
    public double[][] pool(double[][] map) {
        int h = (map.length + 1) / 2;
        int w = (map[0].length + 1) / 2;
        double[][] out = new double[h][w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int y = 2 * r; y < Math.min(2 * r + 2, map.length); y++) {
                    for (int x = 2 * c; x < Math.min(2 * c + 2, map[0].length); x++) {
                        max = Math.max(max, map[y][x]);
                    }
                }
                out[r][c] = max;
            }
        }
        return out;
    }

    /** Row by row, as the lecture reads the pooled map. */
    @Override
    public double[] flatten(double[][] pooled) {
        double[] out = new double[pooled.length * pooled[0].length];
        for (int r = 0; r < pooled.length; r++) {
            System.arraycopy(pooled[r], 0, out, r * pooled[0].length, pooled[0].length);
        }
        return out;
    }

    @Override
    public double[] forward(double[] input, double[][] weights, double[] bias) {
        double[] out = new double[weights.length];
        for (int o = 0; o < out.length; o++) {
            out[o] = bias[o];
            for (int i = 0; i < input.length; i++) {
                out[o] += weights[o][i] * input[i];
            }
        }
        return out;
    }

    @Override
    public double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] out = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(scores[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    @Override
    public double loss(double[] predicted, double[] actual) {
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (actual[i] != 0) {
                sum -= actual[i] * Math.log(predicted[i]);
            }
        }
        return sum;
    }

    @Override
    public double[] gradient(double[] scores, double[] actual) {
        double[] y = softmax(scores);
        for (int i = 0; i < y.length; i++) {
            y[i] -= actual[i];
        }
        return y;
    }

    @Override
    public double classificationError(double[][] predicted, double[][] actual) {
        int wrong = 0;
        for (int r = 0; r < predicted.length; r++) {
            wrong += argmax(predicted[r]) == argmax(actual[r]) ? 0 : 1;
        }
        return (double) wrong / predicted.length;
    }

    @Override
    public double meanSquaredError(double[][] predicted, double[][] actual) {
        double sum = 0;
        for (int r = 0; r < predicted.length; r++) {
            for (int c = 0; c < predicted[r].length; c++) {
                sum += (predicted[r][c] - actual[r][c]) * (predicted[r][c] - actual[r][c]);
            }
        }
        return sum / predicted.length;
    }

    @Override
    public double crossEntropy(double[][] predicted, double[][] actual) {
        double sum = 0;
        for (int r = 0; r < predicted.length; r++) {
            sum += loss(predicted[r], actual[r]);
        }
        return sum / predicted.length;
    }

    private static int argmax(double[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }
}
