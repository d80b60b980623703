package cnn;

import java.util.Random;

/**
 * The lecture's network for 8x8 digits, as numbers: what {@link Training} learns. Given, not an exercise: it holds
 * the parameters and computes nothing (the forward and backward passes are yours, in {@link Training}).
 *
 * <pre>
 *   image 8x8 ──Convolution (8 detectors 3x3, padding 1, stride 1, + filterBias)──▶ 8 maps 8x8
 *         ──Relu──▶ 8 maps 8x8 ──MaxPooling 2x2, stride 2──▶ 8 maps 4x4 ──Flattening──▶ 128 values
 *         ──FullConnection (weights 10x128, + bias)──▶ 10 scores ──Softmax──▶ 10 probabilities (digits 0..9)
 * </pre>
 *
 * <p>The arrays are {@code public final}: the references never change, the numbers in them do. A training step
 * updates them in place, e.g. {@code net.weights[k][i] -= learningRate * dWeights[k][i]}.
 *
 * <p><b>He initialisation</b> ({@link #heInitialised}): each weight is drawn from a normal distribution with mean 0
 * and standard deviation {@code sqrt(2 / fanIn)}, where {@code fanIn} is the number of inputs of one output cell
 * (9 for a 3x3 detector on one channel, 128 for a score), so that ReLU's outputs keep about the scale of its inputs
 * from layer to layer; the biases start at 0. With all weights 0 every detector would learn the same thing.
 */
public final class Network {
    /** Feature detectors (filters) of the convolution layer. */
    public static final int DETECTORS = 8;
    /** Side of a feature detector: 3x3. */
    public static final int SIZE = 3;
    /** Zero padding of the convolution: the feature maps keep the image's 8x8. */
    public static final int PADDING = 1;
    /** Stride of the convolution. */
    public static final int STRIDE = 1;
    /** Side and stride of the max pooling windows: 2x2, stride 2, so 8x8 maps become 4x4. */
    public static final int POOL = 2;
    /** Classes: the digits 0..9. */
    public static final int CLASSES = 10;
    /** Side of the images the network is built for: 8x8. */
    public static final int IMAGE = 8;
    /** Inputs of the full connection: {@code DETECTORS} pooled maps of 4x4, flattened. */
    public static final int FEATURES = DETECTORS * (IMAGE / POOL) * (IMAGE / POOL);

    /** {@code filters[detector][channel][row][col]}: {@code [8][1][3][3]} (one input channel: grey values). */
    public final double[][][][] filters;
    /** One bias per detector, added to every cell of its feature map: {@code [8]}. */
    public final double[] filterBias;
    /** {@code weights[class][input]} of the full connection: {@code [10][128]}. */
    public final double[][] weights;
    /** One bias per class: {@code [10]}. */
    public final double[] bias;

    /**
     * Takes the arrays as they are (no copy): the network is these arrays.
     *
     * @param filters    {@code [8][1][3][3]}
     * @param filterBias {@code [8]}
     * @param weights    {@code [10][128]}
     * @param bias       {@code [10]}
     * @throws IllegalArgumentException if an array (or a row of one) is null or not of that shape
     */
    public Network(double[][][][] filters, double[] filterBias, double[][] weights, double[] bias) {
        checkFilters(filters);
        checkLength(filterBias, "filterBias", DETECTORS);
        if (weights == null) {
            throw new IllegalArgumentException("weights is null; expected [" + CLASSES + "][" + FEATURES + "]");
        }
        if (weights.length != CLASSES) {
            throw new IllegalArgumentException(
                    "weights has " + weights.length + " rows; expected " + CLASSES + " (one per class)");
        }
        for (int k = 0; k < CLASSES; k++) {
            checkLength(weights[k], "weights[" + k + "]", FEATURES);
        }
        checkLength(bias, "bias", CLASSES);
        this.filters = filters;
        this.filterBias = filterBias;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * A network ready to be trained: He-initialised weights, biases 0. The numbers are drawn from
     * {@code new java.util.Random(seed).nextGaussian()} in this order: the filters (detector, channel, row, col),
     * then the weights (class, input), so the same seed gives the same network everywhere.
     *
     * @param seed any number; the same seed gives the same network
     * @return a new network
     */
    public static Network heInitialised(long seed) {
        Random random = new Random(seed);
        double filterStd = Math.sqrt(2.0 / (SIZE * SIZE));
        double[][][][] filters = new double[DETECTORS][1][SIZE][SIZE];
        for (double[][][] detector : filters) {
            for (double[] row : detector[0]) {
                for (int c = 0; c < SIZE; c++) {
                    row[c] = random.nextGaussian() * filterStd;
                }
            }
        }
        double weightStd = Math.sqrt(2.0 / FEATURES);
        double[][] weights = new double[CLASSES][FEATURES];
        for (double[] row : weights) {
            for (int i = 0; i < FEATURES; i++) {
                row[i] = random.nextGaussian() * weightStd;
            }
        }
        return new Network(filters, new double[DETECTORS], weights, new double[CLASSES]);
    }

    /** @return a deep copy: training the copy leaves this network as it is */
    public Network copy() {
        double[][][][] f = new double[DETECTORS][1][][];
        for (int d = 0; d < DETECTORS; d++) {
            f[d][0] = copy(filters[d][0]);
        }
        return new Network(f, filterBias.clone(), copy(weights), bias.clone());
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            out[r] = m[r].clone();
        }
        return out;
    }

    private static void checkFilters(double[][][][] filters) {
        String expected = "; expected [" + DETECTORS + "][1][" + SIZE + "][" + SIZE + "]";
        if (filters == null) {
            throw new IllegalArgumentException("filters is null" + expected);
        }
        if (filters.length != DETECTORS) {
            throw new IllegalArgumentException("filters has " + filters.length + " detectors" + expected);
        }
        for (int d = 0; d < DETECTORS; d++) {
            if (filters[d] == null || filters[d].length != 1) {
                throw new IllegalArgumentException("filters[" + d + "] has "
                        + (filters[d] == null ? "null" : filters[d].length + " channels") + expected);
            }
            double[][] kernel = filters[d][0];
            if (kernel == null || kernel.length != SIZE) {
                throw new IllegalArgumentException(
                        "filters[" + d + "][0] has " + (kernel == null ? "null" : kernel.length + " rows") + expected);
            }
            for (int r = 0; r < SIZE; r++) {
                checkLength(kernel[r], "filters[" + d + "][0][" + r + "]", SIZE);
            }
        }
    }

    private static void checkLength(double[] values, String name, int expected) {
        if (values == null) {
            throw new IllegalArgumentException(name + " is null; expected " + expected + " values");
        }
        if (values.length != expected) {
            throw new IllegalArgumentException(name + " has " + values.length + " values; expected " + expected);
        }
    }
}
