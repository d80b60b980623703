package cnnkit.walkthrough;

import cnnkit.hidden.support.Oracle;

/**
 * The right answers on any input as an {@link Implementation}, for tests only: the hidden tests' independent oracle
 * ({@link Oracle}) called the way the lecture calls each step (stride 1 and no padding, 2x2 pooling windows moved by
 * 2). It never ships in the learners' jar (StudentJarTest); the demo there uses {@link LectureAnswers}.
 */
final class Reference implements Implementation {
    /** The one instance; the oracle has no state. */
    static final Reference INSTANCE = new Reference();

    private Reference() {}

    @Override
    public double[][] convolve(double[][] image, double[][] featureDetector) {
        return Oracle.convolve(image, featureDetector, 1, 0);
    }

    @Override
    public double[][] convolve(double[][] image, double[][] k, int stride, int padding) {
        return Oracle.convolve(image, k, stride, padding);
    }

    @Override
    public double[][] relu(double[][] map) {
        return Oracle.relu(map);
    }

    @Override
    public double[][] pool(double[][] map) {
        return Oracle.pool(map, 2, 2);
    }

    @Override
    public double[] flatten(double[][] pooled) {
        return Oracle.flatten(pooled);
    }

    @Override
    public double[] forward(double[] input, double[][] weights, double[] bias) {
        return Oracle.forward(input, weights, bias);
    }

    @Override
    public double[] softmax(double[] scores) {
        return Oracle.softmax(scores);
    }

    @Override
    public double loss(double[] predicted, double[] actual) {
        return Oracle.loss(predicted, actual);
    }

    @Override
    public double[] gradient(double[] scores, double[] actual) {
        return Oracle.gradient(scores, actual);
    }

    @Override
    public double classificationError(double[][] predicted, double[][] actual) {
        return Oracle.classificationError(predicted, actual);
    }

    @Override
    public double meanSquaredError(double[][] predicted, double[][] actual) {
        return Oracle.meanSquaredError(predicted, actual);
    }

    @Override
    public double crossEntropy(double[][] predicted, double[][] actual) {
        return Oracle.crossEntropy(predicted, actual);
    }
}
