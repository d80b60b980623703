package cnnkit.walkthrough.training;

/**
 * The learner's network and training step as the {@code train} command calls them: implemented by
 * {@code cnnkit.walkthrough.probe.TrainingProbe}, which holds one {@code cnn.Network} and calls the learner's
 * {@code cnn.Training}. Every call goes through {@code Bounded} (a time limit, the learner's exception classified).
 */
public interface Trainable {
    /** Starts over with {@code cnn.Network.heInitialised(seed)}. */
    void initialise(long seed);

    /** {@code cnn.Training.step(network, image, label, learningRate)}: one SGD step, the loss before it. */
    double step(double[][] image, int label, double learningRate);

    /** {@code cnn.Training.predict(network, image)}: the ten class probabilities. */
    double[] predict(double[][] image);

    /** @return a copy of the network's feature detectors, {@code [detector][row][col]} (the one channel) */
    double[][][] detectors();
}
