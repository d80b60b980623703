package cnn;

import static cnn.Expect.in;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Public tests of Part 2's capstone — {@link Training}: the lecture's network's forward pass and one SGD step. The
 * cases are small enough to work out by hand (an all-zero network, a single lit pixel); the rest are properties any
 * correct training step has, checked on your own forward pass with {@link GradientCheck}.
 */
@DisplayName("Part 2 — Training")
class TrainingTest {
    private static final double LEARNING_RATE = 0.01;

    /** A network with every filter, weight and bias 0: its scores are the biases, whatever the image. */
    private static Network zeros() {
        return new Network(
                new double[Network.DETECTORS][1][Network.SIZE][Network.SIZE],
                new double[Network.DETECTORS],
                new double[Network.CLASSES][Network.FEATURES],
                new double[Network.CLASSES]);
    }

    /** An 8x8 image of values in [0.1, 1): no cell at 0, so no ReLU input sits on its kink by accident. */
    private static double[][] image(long seed) {
        Random random = new Random(seed);
        double[][] image = new double[8][8];
        for (double[] row : image) {
            for (int c = 0; c < 8; c++) {
                row[c] = 0.1 + 0.9 * random.nextDouble();
            }
        }
        return image;
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            out[r] = m[r].clone();
        }
        return out;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    @Nested
    @DisplayName("predict, the forward pass")
    class Predict {
        @Test
        @DisplayName("an all-zero network gives every digit 0.1, whatever the image")
        void allZero() {
            double[][] image = image(1);
            Expect.vector(
                    "Training.predict(all-zero network, image)",
                    new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1},
                    Training.predict(zeros(), image),
                    in("image", image));
        }

        @Test
        @DisplayName("with zero weights the scores are the biases: bias[0] = ln 2 gives (2/11, 1/11, ..., 1/11)")
        void biasesOnly() {
            Network net = zeros();
            net.bias[0] = Math.log(2);
            double[] expected = new double[10];
            java.util.Arrays.fill(expected, 1 / 11.0);
            expected[0] = 2 / 11.0;
            Expect.vector("Training.predict(zero weights, bias[0] = ln 2)", expected, Training.predict(net, image(2)));
        }

        @Test
        @DisplayName("one lit pixel at row 3, col 5, detector 0 the identity: pooled cell (1, 2) of map 0, input 6 "
                + "of the full connection, so weights[2][6] = 1 gives digit 2 the score 1: e / (e + 9)")
        void oneLitPixel() {
            Network net = zeros();
            net.filters[0][0][1][1] = 1; // the detector's centre: the map is the image itself
            net.weights[2][6] = 1; // map 0, row 1, col 2 of the 4x4 pooled maps: index (0 · 4 + 1) · 4 + 2 = 6
            double[][] image = new double[8][8];
            image[3][5] = 1;
            double e = Math.E;
            double[] expected = {
                1 / (e + 9),
                1 / (e + 9),
                e / (e + 9),
                1 / (e + 9),
                1 / (e + 9),
                1 / (e + 9),
                1 / (e + 9),
                1 / (e + 9),
                1 / (e + 9),
                1 / (e + 9)
            };
            Expect.vector(
                    "Training.predict(one lit pixel)", expected, Training.predict(net, image), in("image", image));
        }

        @Test
        @DisplayName("a He-initialised network gives ten probabilities in (0, 1) that sum to 1")
        void probabilities() {
            double[][] image = image(3);
            double[] y = Training.predict(Network.heInitialised(42), image);
            Expect.number("the number of probabilities", 10, y.length);
            for (int k = 0; k < y.length; k++) {
                if (!(y[k] > 0 && y[k] < 1)) {
                    throw new AssertionError("probability of digit " + k + " is " + y[k] + ": expected in (0, 1)");
                }
            }
            Expect.number("the sum of the probabilities", 1, sum(y), in("probabilities", y));
        }

        @Test
        @DisplayName("changes neither the network nor the image")
        void changesNothing() {
            Network net = Network.heInitialised(7);
            Network before = net.copy();
            double[][] image = image(4);
            double[][] original = copy(image);
            Training.predict(net, image);
            Expect.matrix("the image after predict", original, image);
            Expect.matrix("the weights after predict", before.weights, net.weights);
            Expect.stack("detector 0 after predict", before.filters[0], net.filters[0]);
        }
    }

    @Nested
    @DisplayName("step, one SGD step")
    class Step {
        @Test
        @DisplayName("on the all-zero network: loss ln 10; only the biases move, by −rate · (y − t) = −rate · "
                + "(0.1 − t): the label's bias to +0.9 · rate, the others to −0.1 · rate")
        void allZero() {
            Network net = zeros();
            double loss = Training.step(net, image(5), 3, LEARNING_RATE);
            Expect.number("the loss of the all-zero network", Math.log(10), loss);
            double[] expected = new double[10];
            java.util.Arrays.fill(expected, -0.1 * LEARNING_RATE);
            expected[3] = 0.9 * LEARNING_RATE;
            Expect.vector("bias after one step on digit 3 (rate 0.01)", expected, net.bias);
            // Every feature is 0 (zero filters, zero filter biases), so no weight has a gradient, and no gradient
            // reaches the filters through the zero weights.
            Expect.matrix("weights after one step", new double[10][Network.FEATURES], net.weights);
            Expect.vector("filterBias after one step", new double[Network.DETECTORS], net.filterBias);
        }

        @Test
        @DisplayName("returns the loss before the update: −ln of what predict gives the label")
        void returnsTheLoss() {
            Network net = Network.heInitialised(11);
            double[][] image = image(6);
            double expected = -Math.log(Training.predict(net, image)[7]);
            Expect.number("Training.step(net, image, 7, 0.01)", expected, Training.step(net, image, 7, LEARNING_RATE));
        }

        @Test
        @DisplayName("lowers the loss on the image it learned from")
        void lowersTheLoss() {
            Network net = Network.heInitialised(12);
            double[][] image = image(7);
            double before = Training.step(net, image, 4, LEARNING_RATE);
            double after = -Math.log(Training.predict(net, image)[4]);
            if (!(after < before)) {
                throw new AssertionError("the loss on the image was " + before + " before the step and " + after
                        + " after it: a step against the gradient must lower it");
            }
        }

        @Test
        @DisplayName("moves every parameter by −rate · its gradient: (before − after) / rate agrees with the "
                + "numerical gradient of your own predict's loss (GradientCheck)")
        void followsTheGradient() {
            Network net = Network.heInitialised(13);
            net.filterBias[0] = 0.05; // not 0, so that no map cell is exactly on ReLU's kink
            Network before = net.copy();
            double[][] image = image(8);
            int label = 5;
            Training.step(net, image, label, LEARNING_RATE);

            double[][][][] dFilters = new double[Network.DETECTORS][1][Network.SIZE][Network.SIZE];
            for (int d = 0; d < Network.DETECTORS; d++) {
                for (int r = 0; r < Network.SIZE; r++) {
                    for (int c = 0; c < Network.SIZE; c++) {
                        dFilters[d][0][r][c] = (before.filters[d][0][r][c] - net.filters[d][0][r][c]) / LEARNING_RATE;
                    }
                }
            }
            double[][][][] numFilters = GradientCheck.numericalGradient(
                    f -> loss(new Network(f, before.filterBias, before.weights, before.bias), image, label),
                    before.filters);
            Expect.gradientsAgree("the filters' update", GradientCheck.compare(dFilters, numFilters));

            double[] dFilterBias = moved(before.filterBias, net.filterBias);
            double[] numFilterBias = GradientCheck.numericalGradient(
                    b -> loss(new Network(before.filters, b, before.weights, before.bias), image, label),
                    before.filterBias);
            Expect.gradientsAgree("the filter biases' update", GradientCheck.compare(dFilterBias, numFilterBias));

            double[][] dWeights = new double[Network.CLASSES][];
            for (int k = 0; k < Network.CLASSES; k++) {
                dWeights[k] = moved(before.weights[k], net.weights[k]);
            }
            double[][] numWeights = GradientCheck.numericalGradient(
                    w -> loss(new Network(before.filters, before.filterBias, w, before.bias), image, label),
                    before.weights);
            Expect.gradientsAgree("the weights' update", GradientCheck.compare(dWeights, numWeights));

            double[] dBias = moved(before.bias, net.bias);
            double[] numBias = GradientCheck.numericalGradient(
                    b -> loss(new Network(before.filters, before.filterBias, before.weights, b), image, label),
                    before.bias);
            Expect.gradientsAgree("the biases' update", GradientCheck.compare(dBias, numBias));
        }

        private double loss(Network net, double[][] image, int label) {
            return -Math.log(Training.predict(net, image)[label]);
        }

        private double[] moved(double[] before, double[] after) {
            double[] gradient = new double[before.length];
            for (int i = 0; i < before.length; i++) {
                gradient[i] = (before[i] - after[i]) / LEARNING_RATE;
            }
            return gradient;
        }

        @Test
        @DisplayName("does not change the image")
        void keepsTheImage() {
            double[][] image = image(9);
            double[][] original = copy(image);
            Training.step(Network.heInitialised(14), image, 0, LEARNING_RATE);
            Expect.matrix("the image after step", original, image);
        }
    }

    @Nested
    @DisplayName("bad arguments")
    class BadArguments {
        @Test
        @DisplayName("predict rejects a null network, a null image, an image that is not 8x8 and a NaN pixel")
        void predict() {
            Network net = Network.heInitialised(1);
            double[][] ragged = image(1);
            ragged[4] = new double[7];
            double[][] nan = image(1);
            nan[2][3] = Double.NaN;
            Expect.rejects("Training.predict(null, image)", () -> Training.predict(null, image(1)), "net");
            Expect.rejects("Training.predict(net, null)", () -> Training.predict(net, null), "image");
            Expect.rejects("Training.predict(net, 7x8 image)", () -> Training.predict(net, new double[7][8]), "7");
            Expect.rejects("Training.predict(net, row 4 of 7 cells)", () -> Training.predict(net, ragged), "7");
            Expect.rejects("Training.predict(net, NaN at [2][3])", () -> Training.predict(net, nan), "NaN");
        }

        @Test
        @DisplayName("step rejects a label outside 0..9 and a learning rate that is not finite or not above 0, and "
                + "leaves the network unchanged")
        void step() {
            Network net = Network.heInitialised(2);
            Network before = net.copy();
            double[][] image = image(2);
            Expect.rejects("Training.step(net, null, 1, 0.01)", () -> Training.step(net, null, 1, 0.01), "image");
            Expect.rejects("Training.step(null, image, 1, 0.01)", () -> Training.step(null, image, 1, 0.01), "net");
            Expect.rejects("Training.step(net, image, −1, 0.01)", () -> Training.step(net, image, -1, 0.01), "-1");
            Expect.rejects("Training.step(net, image, 10, 0.01)", () -> Training.step(net, image, 10, 0.01), "10");
            for (double rate : new double[] {0, -0.01, Double.NaN, Double.POSITIVE_INFINITY}) {
                Expect.rejects(
                        "Training.step(net, image, 1, " + rate + ")",
                        () -> Training.step(net, image, 1, rate),
                        String.valueOf(rate));
            }
            Expect.matrix("the weights after the rejected steps", before.weights, net.weights);
            Expect.vector("the biases after the rejected steps", before.bias, net.bias);
        }
    }
}
