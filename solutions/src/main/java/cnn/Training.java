package cnn;

/**
 * The capstone: the lecture's network ({@link Network}) trained on 8x8 digits with plain stochastic gradient
 * descent, built only from the steps. One forward pass, one backward pass, one update.
 */
public final class Training {
    private Training() {}

    /**
     * The forward pass: convolution layer (padding 1, stride 1, the image as one channel) → ReLU → max pooling 2x2,
     * stride 2 → flattening → full connection → softmax.
     *
     * @param net   the network, not changed
     * @param image an 8x8 image of finite values, not changed
     * @return the ten class probabilities (digit 0 first), summing to 1
     * @throws IllegalArgumentException if {@code net} or {@code image} is null, or the image is not 8x8 (a null or
     *                                  short row included) or has a cell that is not finite
     */
    public static double[] predict(Network net, double[][] image) {
        check(net, image);
        return new Forward(net, image).probabilities;
    }

    /**
     * One step of plain stochastic gradient descent on one image: the forward pass, the cross-entropy loss
     * {@code −ln y[label]}, the backward pass from {@link CrossEntropy#gradient}'s {@code y − t} through each step's
     * backward pass, then {@code p -= learningRate · ∂L/∂p} for every parameter: {@code net.filters},
     * {@code net.filterBias}, {@code net.weights} and {@code net.bias}, updated in place.
     *
     * @param net          the network, updated in place
     * @param image        an 8x8 image of finite values, not changed
     * @param label        the digit the image shows, 0..9
     * @param learningRate the step size, finite and more than 0
     * @return the cross-entropy loss on this image before the update (what {@link #predict} gave for the label:
     *         {@code −ln predict(net, image)[label]})
     * @throws IllegalArgumentException if {@code net} or {@code image} is null, the image is not 8x8 or has a cell
     *                                  that is not finite, the label is outside 0..9, or the learning rate is not
     *                                  finite or not more than 0; {@code net} is then left unchanged
     */
    public static double step(Network net, double[][] image, int label, double learningRate) {
        check(net, image);
        if (label < 0 || label >= Network.CLASSES) {
            throw new IllegalArgumentException("label is " + label + "; expected a digit 0.." + (Network.CLASSES - 1));
        }
        if (!Double.isFinite(learningRate) || learningRate <= 0) {
            throw new IllegalArgumentException("learningRate is " + learningRate + "; it must be finite and > 0");
        }
        Forward f = new Forward(net, image);
        double[] target = new double[Network.CLASSES];
        target[label] = 1;
        double loss = CrossEntropy.loss(f.probabilities, target);

        double[] dScores = CrossEntropy.gradient(f.scores, target);
        double[] dFlat = FullConnection.inputGradient(net.weights, dScores);
        double[][] dWeights = FullConnection.weightGradient(f.flat, dScores);
        double[] dBias = FullConnection.biasGradient(dScores);
        double[][][] dPooled = Flattening.unflatten(dFlat, f.pooled.length, f.pooled[0].length, f.pooled[0][0].length);
        double[][][] dRectified = MaxPooling.backward(f.rectified, dPooled, Network.POOL, Network.POOL);
        double[][][] dMaps = Relu.backward(f.maps, dRectified);
        double[][][][] dFilters =
                Convolution.filterGradient(f.input, net.filters, dMaps, Network.STRIDE, Network.PADDING);
        double[] dFilterBias = Convolution.biasGradient(dMaps);

        for (int d = 0; d < Network.DETECTORS; d++) {
            for (int c = 0; c < net.filters[d].length; c++) {
                update(net.filters[d][c], dFilters[d][c], learningRate);
            }
        }
        update(net.filterBias, dFilterBias, learningRate);
        update(net.weights, dWeights, learningRate);
        update(net.bias, dBias, learningRate);
        return loss;
    }

    /** Every intermediate result of one forward pass, kept for the backward pass. */
    private static final class Forward {
        final double[][][] input;
        final double[][][] maps;
        final double[][][] rectified;
        final double[][][] pooled;
        final double[] flat;
        final double[] scores;
        final double[] probabilities;

        Forward(Network net, double[][] image) {
            input = new double[][][] {image};
            maps = Convolution.convolve(input, net.filters, net.filterBias, Network.STRIDE, Network.PADDING);
            rectified = Relu.apply(maps);
            pooled = MaxPooling.pool(rectified, Network.POOL, Network.POOL);
            flat = Flattening.flatten(pooled);
            scores = FullConnection.forward(flat, net.weights, net.bias);
            probabilities = Softmax.apply(scores);
        }
    }

    private static void check(Network net, double[][] image) {
        if (net == null) {
            throw new IllegalArgumentException("net is null");
        }
        if (image == null) {
            throw new IllegalArgumentException("image is null; expected 8x8");
        }
        if (image.length != Network.IMAGE) {
            throw new IllegalArgumentException("image has " + image.length + " rows; expected 8x8");
        }
        for (int r = 0; r < image.length; r++) {
            if (image[r] == null || image[r].length != Network.IMAGE) {
                throw new IllegalArgumentException("image row " + r + " has "
                        + (image[r] == null ? "null" : image[r].length + " columns") + "; expected 8x8");
            }
            for (int c = 0; c < image[r].length; c++) {
                if (!Double.isFinite(image[r][c])) {
                    throw new IllegalArgumentException(
                            "image[" + r + "][" + c + "] is " + image[r][c] + "; pixels must be finite");
                }
            }
        }
    }

    private static void update(double[][] parameters, double[][] gradient, double learningRate) {
        for (int r = 0; r < parameters.length; r++) {
            update(parameters[r], gradient[r], learningRate);
        }
    }

    private static void update(double[] parameters, double[] gradient, double learningRate) {
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] -= learningRate * gradient[i];
        }
    }
}
