package cnnkit.walkthrough.probe;

import cnn.Network;
import cnn.Training;
import cnnkit.walkthrough.training.Trainable;

/**
 * The learner's {@code cnn.Training} on the given {@code cnn.Network}, behind {@link Trainable}: with
 * {@link LearnerProbe} the only classes of the learners' jar that name {@code cnn.*}. Loaded by the learner's
 * {@code StudentClassLoader} (child-first for this package), created by reflection in {@code LearnerCode}.
 */
public final class TrainingProbe implements Trainable {
    private Network network;

    @Override
    public void initialise(long seed) {
        network = Network.heInitialised(seed);
    }

    @Override
    public double step(double[][] image, int label, double learningRate) {
        return Training.step(network, image, label, learningRate);
    }

    @Override
    public double[] predict(double[][] image) {
        return Training.predict(network, image);
    }

    @Override
    public double[][][] detectors() {
        double[][][] out = new double[network.filters.length][][];
        for (int d = 0; d < out.length; d++) {
            double[][] kernel = network.filters[d][0];
            out[d] = new double[kernel.length][];
            for (int r = 0; r < kernel.length; r++) {
                out[d][r] = kernel[r].clone();
            }
        }
        return out;
    }
}
