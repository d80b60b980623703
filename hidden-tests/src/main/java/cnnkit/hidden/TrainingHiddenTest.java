package cnnkit.hidden;

import cnn.Network;
import cnn.Training;
import cnnkit.hidden.support.BackwardWrongOracles;
import cnnkit.hidden.support.CheckFailure;
import cnnkit.hidden.support.Expect;
import cnnkit.hidden.support.Student;
import cnnkit.hidden.support.TrainingOracle;
import cnnkit.lecture.Digits;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks of the training step (Part 2's capstone): {@code Training.predict} is the lecture's pipeline, and
 * {@code Training.step} is one step of plain SGD (forward, backward from {@code y − t}, {@code p −= rate · ∂L/∂p})
 * that returns the loss before the update: on He-initialised weights the loss starts near ln 10, a step lowers it,
 * and repeating steps overfits 20 digits. The images are the first training digits of the kit's data set.
 *
 * <p>No field or method signature here names a {@code cnn} class (a lambda's captured variables become its
 * method's parameters, so networks are held as {@code Object}): the checks are listed even where no
 * {@code Training} or {@code Network} class is there (they then fail, each on its own).
 */
@DisplayName("Train — the training step")
class TrainingHiddenTest {
    private static final long SEED = 1L;
    private static final double RATE = 0.05;
    /** SGD passes over the 20 images the overfitting check allows (the reference needs far fewer). */
    private static final int MAX_EPOCHS = 30;

    private static double[][][] images(int n) {
        List<Digits.Example> train = Digits.train();
        double[][][] out = new double[n][][];
        for (int i = 0; i < n; i++) {
            out[i] = train.get(i).image();
        }
        return out;
    }

    private static int[] labels(int n) {
        List<Digits.Example> train = Digits.train();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = train.get(i).label();
        }
        return out;
    }

    /** @return a He-initialised network, as an {@code Object} (see the class comment) */
    private static Object network(long seed) {
        return Network.heInitialised(seed);
    }

    private static Object copy(Object net) {
        return ((Network) net).copy();
    }

    private static double[] predict(Object net, double[][] image) {
        return Training.predict((Network) net, image);
    }

    private static double step(Object net, double[][] image, int label, double rate) {
        return Training.step((Network) net, image, label, rate);
    }

    /** The oracle's copy of a network's parameters. */
    private static TrainingOracle oracle(Object network) {
        Network net = (Network) network;
        return new TrainingOracle(net.filters, net.filterBias, net.weights, net.bias);
    }

    @Nested
    @DisplayName("predict")
    class Predict {
        @Test
        @DisplayName(
                "predict on He-initialised weights is the lecture's pipeline, conv → ReLU → pool → dense → softmax")
        void predictIsTheLecturePipeline() {
            Object net = network(SEED);
            TrainingOracle right = oracle(net);
            for (double[][] image : images(3)) {
                Expect.given("image", image).expecting(right.predict(image)).check(() -> predict(net, image));
            }
        }

        @Test
        @DisplayName("predict leaves the network and the image unchanged")
        void predictLeavesItsArgumentsUnchanged() {
            Object net = network(SEED);
            double[][] image = images(1)[0];
            TrainingOracle kept = oracle(net);
            Expect.given("image", image, "weights", kept.weights(), "filters", kept.filters())
                    .leavesInputsUnchanged(null, () -> predict(net, image));
            Expect.given("weights", kept.weights())
                    .expecting(kept.weights())
                    .check(() -> oracle(net).weights());
            Expect.given("filters", kept.filters())
                    .expecting(kept.filters())
                    .check(() -> oracle(net).filters());
        }
    }

    @Nested
    @DisplayName("one step")
    class OneStep {
        @Test
        @DisplayName("the loss it returns is the loss before the update, −ln y[label], for labels 0 to 9")
        void returnsTheLossBeforeTheUpdate() {
            double[][] digit = images(1)[0];
            for (int label : new int[] {0, 9}) {
                Object net = network(SEED);
                Expect.given("image", digit, "label", label, "learningRate", RATE)
                        .expecting(oracle(net).loss(digit, label))
                        .check(() -> step(net, digit, label, RATE));
            }
            double[][][] images = images(3);
            int[] labels = labels(3);
            for (int i = 0; i < images.length; i++) {
                Object net = network(SEED + i);
                double[][] image = images[i];
                int label = labels[i];
                Expect.given("image", image, "label", label, "learningRate", RATE)
                        .expecting(oracle(net).loss(image, label))
                        .check(() -> step(net, image, label, RATE));
            }
        }

        @Test
        @DisplayName("on He-initialised weights the mean initial loss over 20 digits is near ln 10 (within 0.5)")
        void initialLossIsNearLnTen() {
            double[][][] images = images(20);
            int[] labels = labels(20);
            Object net = network(SEED);
            double sum = 0;
            for (int i = 0; i < images.length; i++) {
                Object fresh = copy(net);
                double[][] image = images[i];
                int label = labels[i];
                sum += Student.call(() -> step(fresh, image, label, RATE));
            }
            double mean = sum / images.length;
            if (!(Math.abs(mean - Math.log(10)) <= 0.5)) {
                throw new CheckFailure(
                        "the mean loss your step returned on a fresh network is " + mean + ", expected about ln 10 = "
                                + Math.log(10) + " (ten classes, none favoured yet)",
                        "20 training digits, Network.heInitialised(" + SEED + ")",
                        "about " + Math.log(10),
                        String.valueOf(mean),
                        null);
            }
        }

        @Test
        @DisplayName("it moves every parameter by −rate · ∂L/∂p, the gradient your own steps' backward passes give")
        void updatesEveryParameterDownYourGradient() {
            double[][] image = images(1)[0];
            int label = labels(1)[0];
            Object net = network(SEED);
            TrainingOracle before = oracle(net);
            TrainingOracle after = before.step(YourSteps.INSTANCE, image, label, RATE, 1);
            Student.call(() -> step(net, image, label, RATE));
            TrainingOracle got = oracle(net);
            expectParameter(before, after, image, label, TrainingOracle::weights, got);
            expectParameter(before, after, image, label, TrainingOracle::bias, got);
            expectParameter(before, after, image, label, TrainingOracle::filterBias, got);
            expectParameter(before, after, image, label, TrainingOracle::filters, got);
        }

        @Test
        @DisplayName("one step on an image lowers the loss on that image")
        void oneStepLowersTheLoss() {
            double[][][] images = images(5);
            int[] labels = labels(5);
            for (int i = 0; i < images.length; i++) {
                Object net = network(SEED);
                double[][] image = images[i];
                int label = labels[i];
                double before = oracle(net).loss(image, label);
                Student.call(() -> step(net, image, label, RATE));
                double after = oracle(net).loss(image, label);
                if (!(after < before)) {
                    throw new CheckFailure(
                            "after one step on training digit " + (i + 1) + " its loss went from " + before + " to "
                                    + after + ": a step should lower it",
                            "label = " + label + ", learningRate = " + RATE,
                            "a loss below " + before,
                            String.valueOf(after),
                            null);
                }
            }
        }

        @Test
        @DisplayName("one step on each image of a batch of 10 lowers the batch's mean loss")
        void aPassLowersTheBatchLoss() {
            double[][][] images = images(10);
            int[] labels = labels(10);
            Object net = network(SEED);
            double before = oracle(net).meanLoss(images, labels);
            for (int i = 0; i < images.length; i++) {
                double[][] image = images[i];
                int label = labels[i];
                Student.call(() -> step(net, image, label, RATE));
            }
            double after = oracle(net).meanLoss(images, labels);
            if (!(after < before)) {
                throw new CheckFailure(
                        "one step on each of 10 digits took their mean loss from " + before + " to " + after,
                        "the first 10 training digits, learningRate = " + RATE,
                        "a mean loss below " + before,
                        String.valueOf(after),
                        null);
            }
        }
    }

    @Test
    @DisplayName("repeated steps overfit 20 digits: their mean loss falls below 0.05 within " + MAX_EPOCHS + " passes")
    void overfitsTwentyDigits() {
        double[][][] images = images(20);
        int[] labels = labels(20);
        Object net = network(SEED);
        double mean = Double.NaN;
        for (int epoch = 0; epoch < MAX_EPOCHS; epoch++) {
            double sum = 0;
            for (int i = 0; i < images.length; i++) {
                double[][] image = images[i];
                int label = labels[i];
                sum += Student.call(() -> step(net, image, label, 2 * RATE));
            }
            mean = oracle(net).meanLoss(images, labels);
            if (mean < 0.05) {
                return;
            }
            if (!Double.isFinite(sum)) {
                break;
            }
        }
        throw new CheckFailure(
                "after " + MAX_EPOCHS + " passes over 20 digits (learningRate " + 2 * RATE + ") their mean loss is "
                        + mean + ", not below 0.05: the network does not learn them",
                "the first 20 training digits, Network.heInitialised(" + SEED + ")",
                "a mean loss below 0.05",
                String.valueOf(mean),
                null);
    }

    private static void expectParameter(
            TrainingOracle before,
            TrainingOracle after,
            double[][] image,
            int label,
            Function<TrainingOracle, Object> parameter,
            TrainingOracle got) {
        Object actual = parameter.apply(got);
        Expect.given("image", image, "label", label, "learningRate", RATE)
                .expecting(
                        parameter.apply(after),
                        BackwardWrongOracles.trainingStep(YourSteps.INSTANCE, before, image, label, RATE, parameter))
                .check(() -> actual);
    }

    @Nested
    @DisplayName("bad arguments")
    class BadArguments {
        @Test
        @DisplayName("a null network or image, or an image that is not 8x8 or not finite, is rejected")
        void rejectsBadNetworkAndImage() {
            Object net = network(SEED);
            double[][] image = images(1)[0];
            Expect.given("net", null).rejects("the network is null", () -> predict(null, image));
            Expect.given("image", null).rejects("the image is null", () -> step(net, null, 0, RATE));
            Expect.given("net", null).rejects("the network is null", () -> step(null, image, 0, RATE));
            double[][] nullRow = images(1)[0];
            nullRow[2] = null;
            Expect.given("image", nullRow).rejects("row 3 is null", () -> predict(net, nullRow));
            double[][] short7 = java.util.Arrays.copyOf(image, 7);
            Expect.given("image", short7).rejects("the image has 7 rows", () -> predict(net, short7));
            double[][] nan = images(1)[0];
            nan[3][4] = Double.NaN;
            Expect.given("image", nan).rejects("a pixel is NaN", () -> step(net, nan, 0, RATE));
        }

        @Test
        @DisplayName("a label outside 0..9 or a learning rate that is not finite and > 0 is rejected, the network kept")
        void rejectsBadLabelAndRate() {
            Object net = network(SEED);
            double[][] image = images(1)[0];
            Expect.given("label", 10).rejects("the label is 10", () -> step(net, image, 10, RATE));
            Expect.given("label", -1).rejects("the label is -1", () -> step(net, image, -1, RATE));
            Expect.given("learningRate", 0.0).rejects("the learning rate is 0", () -> step(net, image, 3, 0));
            Expect.given("learningRate", Double.NaN)
                    .rejects("the learning rate is NaN", () -> step(net, image, 3, Double.NaN));
            Expect.given("weights", oracle(network(SEED)).weights())
                    .expecting(oracle(network(SEED)).weights())
                    .check(() -> oracle(net).weights());
        }

        @Test
        @DisplayName("a step leaves the image unchanged")
        void stepLeavesTheImageUnchanged() {
            Object net = network(SEED);
            double[][] image = images(1)[0];
            Expect.given("image", image).leavesInputsUnchanged(null, () -> step(net, image, 2, RATE));
        }
    }
}
