package cnnkit.walkthrough.training;

import cnnkit.lecture.Digits;
import cnnkit.walkthrough.Bounded;
import cnnkit.walkthrough.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * The given training loop of Part 2 (the learner writes only {@code Training.step} and {@code Training.predict}):
 * plain stochastic gradient descent, one image at a time.
 *
 * <ol>
 *   <li>the network is {@code Network.heInitialised(seed)};</li>
 *   <li>each epoch shuffles the training images with {@code Collections.shuffle(images, random)}, one
 *       {@code new Random(seed)} for the whole run, and calls {@code Training.step} on each in that order;</li>
 *   <li>after each epoch, {@code Training.predict} on every test image: the digit with the largest probability (the
 *       first of equal ones) is the network's answer, and the share of right answers is the test accuracy.</li>
 * </ol>
 *
 * <p>Every call into the learner's code has a time limit. A call that throws, does not return in time, is not
 * implemented, returns a loss that is not a finite number or probabilities of another count stops the training
 * with {@link Stopped}, saying why and where.
 */
public final class Trainer {
    private final Trainable network;
    private final Duration timeout;

    /**
     * @param network the learner's network and step
     * @param timeout time limit of each call into it
     */
    public Trainer(Trainable network, Duration timeout) {
        this.network = network;
        this.timeout = timeout;
    }

    /**
     * @param epochs       passes over the training images, at least 1
     * @param seed         the network's initialisation and the shuffling
     * @param learningRate SGD's step size
     */
    public record Settings(int epochs, long seed, double learningRate) {}

    /**
     * One epoch's figures.
     *
     * @param number  1 for the first epoch
     * @param loss    the mean training loss of the epoch (each image's loss before its step)
     * @param correct test images the network got right after the epoch
     * @param total   test images
     */
    public record Epoch(int number, double loss, int correct, int total) {
        /** @return {@code correct / total} */
        public double accuracy() {
            return (double) correct / total;
        }
    }

    /**
     * @param epochs     every epoch's figures, in order
     * @param detectors  the learned feature detectors, {@code [detector][row][col]}
     */
    public record Result(List<Epoch> epochs, double[][][] detectors) {
        /** @return the last epoch */
        public Epoch last() {
            return epochs.get(epochs.size() - 1);
        }
    }

    /** What a progress display is told. */
    public interface Listener {
        /** An epoch starts. */
        void epochStarted(int epoch, int epochs, int images);

        /** {@code done} images of the epoch have been learned; {@code runningLoss} is their mean loss. */
        void stepped(int done, double runningLoss);

        /** An epoch has ended and been measured on the test images. */
        void epochFinished(Epoch epoch);
    }

    /** The learner's code stopped the training. */
    public static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;

        Stopped(String reason) {
            super(reason);
        }
    }

    /**
     * @param settings how long, from where and how fast
     * @param train    the training images
     * @param test     the test images
     * @param listener told of the progress
     * @return every epoch's figures and the learned detectors
     * @throws Stopped if a call into the learner's code failed (the message says which, why and where)
     */
    public Result train(Settings settings, List<Digits.Example> train, List<Digits.Example> test, Listener listener)
            throws Stopped {
        call("Network.heInitialised(" + settings.seed() + ")", () -> {
            network.initialise(settings.seed());
            return Boolean.TRUE;
        });
        Random random = new Random(settings.seed());
        List<Digits.Example> order = new ArrayList<>(train);
        List<Epoch> epochs = new ArrayList<>();
        for (int e = 1; e <= settings.epochs(); e++) {
            Collections.shuffle(order, random);
            listener.epochStarted(e, settings.epochs(), order.size());
            double sum = 0;
            for (int i = 0; i < order.size(); i++) {
                Digits.Example example = order.get(i);
                double[][] image = example.image();
                double loss = call(
                        "Training.step on training image " + example.index() + " (a " + example.label() + ") in epoch "
                                + e,
                        () -> network.step(image, example.label(), settings.learningRate()));
                if (!Double.isFinite(loss)) {
                    throw new Stopped("Training.step returned the loss " + loss + " on training image "
                            + example.index() + " in epoch " + e + ": the training diverged (try a smaller "
                            + "--learning-rate) or the loss is not computed right");
                }
                sum += loss;
                listener.stepped(i + 1, sum / (i + 1));
            }
            Epoch epoch = new Epoch(e, sum / order.size(), correct(test), test.size());
            epochs.add(epoch);
            listener.epochFinished(epoch);
        }
        double[][][] detectors = call("reading the learned detectors (net.filters)", network::detectors);
        return new Result(List.copyOf(epochs), detectors);
    }

    /** @return how many test images the network gets right */
    private int correct(List<Digits.Example> test) throws Stopped {
        int correct = 0;
        for (Digits.Example example : test) {
            double[][] image = example.image();
            String what = "Training.predict on test image " + example.index();
            double[] probabilities = call(what, () -> network.predict(image));
            if (probabilities == null || probabilities.length != 10) {
                throw new Stopped(
                        what + " returned " + (probabilities == null ? "null" : probabilities.length + " values")
                                + "; expected the 10 probabilities of the digits 0..9");
            }
            if (answer(probabilities) == example.label()) {
                correct++;
            }
        }
        return correct;
    }

    /** @return the digit with the largest probability, the first of equal ones */
    static int answer(double[] probabilities) {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return best;
    }

    private <T> T call(String what, Callable<T> call) throws Stopped {
        Outcome<T> outcome = Bounded.call(call, timeout);
        if (outcome instanceof Outcome.Returned<T> returned) {
            return returned.value();
        }
        throw new Stopped(what + " " + outcome.describe());
    }
}
