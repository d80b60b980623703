package cnnkit.hidden.support;

import java.util.Arrays;

/**
 * The training step of the lecture's network, on plain arrays (nothing here names {@code cnn.*}), composed from
 * {@link Steps}: the right ones ({@link Steps#ORACLE}, the methods without a {@code Steps} argument) or the
 * student's own. One forward pass, the backward pass from {@code y − t}, and the SGD update. The network is
 * convolution (stride 1, padding 1, the image as one channel) → ReLU → max pooling 2x2 stride 2 → flattening → full
 * connection → softmax → cross-entropy.
 *
 * @param filters    {@code [detector][1][3][3]}
 * @param filterBias one per detector
 * @param weights    {@code [class][feature]}
 * @param bias       one per class
 */
public record TrainingOracle(double[][][][] filters, double[] filterBias, double[][] weights, double[] bias) {
    private static final int POOL = 2;

    /** The parameters as they are (copied: the oracle never changes what it is given). */
    public TrainingOracle {
        filters = (double[][][][]) Cells.copy(filters);
        filterBias = filterBias.clone();
        weights = (double[][]) Cells.copy(weights);
        bias = bias.clone();
    }

    /** Every intermediate result of one forward pass. */
    private record Forward(
            double[][][] input,
            double[][][] maps,
            double[][][] rectified,
            double[] flat,
            double[] scores,
            double[] probabilities) {}

    private Forward forward(Steps s, double[][] image) {
        double[][][] input = {image};
        double[][][] maps = s.convolve(input, filters, filterBias, 1, 1);
        double[][][] rectified = s.relu(maps);
        double[] flat = s.flatten(s.pool(rectified, POOL, POOL));
        double[] scores = s.forward(flat, weights, bias);
        return new Forward(input, maps, rectified, flat, scores, s.softmax(scores));
    }

    /** @return the ten class probabilities */
    public double[] predict(double[][] image) {
        return predict(Steps.ORACLE, image);
    }

    /** @return the ten class probabilities, through these steps */
    public double[] predict(Steps steps, double[][] image) {
        return forward(steps, image).probabilities();
    }

    /** @return the cross-entropy {@code −ln y[label]} */
    public double loss(double[][] image, int label) {
        return Oracle.loss(predict(image), Gen.oneHot(bias.length, label));
    }

    /** @return the mean loss over images and labels */
    public double meanLoss(double[][][] images, int[] labels) {
        double sum = 0;
        for (int i = 0; i < images.length; i++) {
            sum += loss(images[i], labels[i]);
        }
        return sum / images.length;
    }

    /**
     * @param sign +1 for the right step ({@code p − rate·∂L/∂p}), −1 for a step up the gradient (e.g. from
     *     {@code t − y})
     * @return the network after one SGD step on the image
     */
    public TrainingOracle step(double[][] image, int label, double rate, int sign) {
        return step(Steps.ORACLE, image, label, rate, sign);
    }

    /** As {@link #step(double[][], int, double, int)}, composed from these steps. */
    public TrainingOracle step(Steps s, double[][] image, int label, double rate, int sign) {
        Forward f = forward(s, image);
        double[] dScores = s.gradient(f.scores(), Gen.oneHot(bias.length, label));
        double[] dFlat = s.inputGradient(weights, dScores);
        double[][] dWeights = s.weightGradient(f.flat(), dScores);
        int rows = (f.rectified()[0].length + POOL - 1) / POOL;
        int cols = (f.rectified()[0][0].length + POOL - 1) / POOL;
        double[][][] dPooled = s.unflatten(dFlat, filters.length, rows, cols);
        double[][][] dRectified = s.poolBackward(f.rectified(), dPooled, POOL, POOL);
        double[][][] dMaps = s.reluBackward(f.maps(), dRectified);
        double[][][][] dFilters = s.filterGradient(f.input(), filters, dMaps, 1, 1);
        double[] dFilterBias = s.biasGradient(dMaps);
        double r = sign * rate;
        double[][][][] newFilters = new double[filters.length][][][];
        for (int d = 0; d < filters.length; d++) {
            newFilters[d] = new double[filters[d].length][][];
            for (int c = 0; c < filters[d].length; c++) {
                newFilters[d][c] = minus(filters[d][c], dFilters[d][c], r);
            }
        }
        return new TrainingOracle(
                newFilters, minus(filterBias, dFilterBias, r), minus(weights, dWeights, r), minus(bias, dScores, r));
    }

    private static double[][] minus(double[][] p, double[][] g, double r) {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = minus(p[i], g[i], r);
        }
        return out;
    }

    private static double[] minus(double[] p, double[] g, double r) {
        double[] out = Arrays.copyOf(p, p.length);
        for (int i = 0; i < p.length; i++) {
            out[i] -= r * g[i];
        }
        return out;
    }
}
