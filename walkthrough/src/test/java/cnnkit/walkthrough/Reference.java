package cnnkit.walkthrough;

import cnnkit.hidden.support.BackwardOracle;
import cnnkit.hidden.support.Oracle;

/**
 * The right answers on any input as an {@link Implementation}, for tests only: the hidden tests' independent oracles
 * ({@link Oracle}, {@link BackwardOracle}) called the way the lecture calls each step (stride 1 and no padding, 2x2 pooling windows moved by
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

    @Override
    public double[] softmaxBackward(double[] scores, double[] g) {
        return BackwardOracle.softmaxBackward(scores, g);
    }

    @Override
    public double[] inputGradient(double[][] weights, double[] g) {
        return BackwardOracle.inputGradient(weights, g);
    }

    @Override
    public double[][] weightGradient(double[] input, double[] g) {
        return BackwardOracle.weightGradient(input, g);
    }

    @Override
    public double[] biasGradient(double[] g) {
        return g.clone();
    }

    @Override
    public double[][] unflatten(double[] vector, int rows, int cols) {
        return BackwardOracle.unflatten(vector, 1, rows, cols)[0];
    }

    @Override
    public double[][] poolBackward(double[][] map, double[][] g) {
        return BackwardOracle.poolBackward(map, g, 2, 2);
    }

    @Override
    public double[][] reluBackward(double[][] map, double[][] g) {
        return BackwardOracle.reluBackward(map, g);
    }

    @Override
    public double[][] detectorGradient(double[][] image, double[][] k, double[][] g) {
        return BackwardOracle.detectorGradient(image, k, g, 1, 0);
    }

    @Override
    public double[][] imageGradient(double[][] image, double[][] k, double[][] g) {
        return BackwardOracle.imageGradient(image, k, g, 1, 0);
    }
}
