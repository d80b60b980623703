package cnn;

/**
 * Part 2, the capstone — training the lecture's network on real digits. Everything you built comes together: a
 * forward pass through every step, the loss, a backward pass through every step, and an update that moves each
 * parameter a little against its gradient (plain stochastic gradient descent, one image at a time).
 *
 * <p>The network is {@link Network} (given): 8 feature detectors 3x3 with a bias each, then a full connection of
 * 10x128 weights with a bias per class. Build both methods only from your steps:
 * <pre>
 *   forward:  input = {image}  (one channel: double[1][8][8])
 *             maps      = Convolution.convolve(input, net.filters, net.filterBias, STRIDE, PADDING)   8 x 8x8
 *             rectified = Relu.apply(maps)
 *             pooled    = MaxPooling.pool(rectified, POOL, POOL)                                      8 x 4x4
 *             flat      = Flattening.flatten(pooled)                                                  128
 *             scores    = FullConnection.forward(flat, net.weights, net.bias)                         10
 *             y         = Softmax.apply(scores)
 *   loss:     CrossEntropy.loss(y, t)  with t the one-hot target of the label
 *   backward: dScores = CrossEntropy.gradient(scores, t)            (y − t: softmax and cross-entropy fused)
 *             then FullConnection's weight, bias and input gradients, Flattening.unflatten, MaxPooling.backward,
 *             Relu.backward, Convolution.filterGradient and Convolution.biasGradient, each from what its forward
 *             pass was given
 *   update:   every parameter p -= learningRate · ∂L/∂p, in place in net's arrays
 * </pre>
 * Compute every gradient before you change any parameter: the gradients of one step all belong to the network as
 * it was in that step's forward pass.
 *
 * <p>Train it with {@code ./cnnkit train} (or {@code java -jar cnn-walkthrough.jar train}): the kit loads the digits,
 * calls {@link #step} for every training image, epoch after epoch, and measures {@link #predict} on the test
 * images. A correct step reaches a test accuracy of 0.95 or more within 10 epochs. Check your work first with the
 * public tests in {@code exercises/src/test/java/cnn/TrainingTest.java}:
 * {@code mvn -q -Pstudent -pl exercises -am test -Dtest=TrainingTest -Dsurefire.failIfNoSpecifiedTests=false}.
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
        // TODO Part 2, Training: check the arguments, then run the image through your steps as shown above.
        throw new UnsupportedOperationException(
                "Part 2 (Training) predict is not implemented yet — see exercises/src/main/java/cnn/Training.java");
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
        // TODO Part 2, Training: check the arguments; forward pass keeping every intermediate result; loss;
        //      backward pass step by step; then update every parameter of net; return the loss.
        throw new UnsupportedOperationException(
                "Part 2 (Training) step is not implemented yet — see exercises/src/main/java/cnn/Training.java");
    }
}
