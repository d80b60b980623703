package cnnkit.walkthrough.probe;

import cnn.Convolution;
import cnn.CrossEntropy;
import cnn.ErrorMeasures;
import cnn.Flattening;
import cnn.FullConnection;
import cnn.MaxPooling;
import cnn.Relu;
import cnn.Softmax;
import cnnkit.walkthrough.Implementation;

/**
 * The learner's code behind the walk's {@link Implementation}: the only walkthrough class that names {@code cnn.*}.
 * It is loaded by a {@code StudentClassLoader} (child-first for this package), so {@code cnn.Convolution} here is
 * the learner's class; {@link Implementation} itself comes from the grader's loader, which is how the walk talks
 * to it. Created by reflection in {@code LearnerCode}.
 */
public final class LearnerProbe implements Implementation {
    @Override
    public double[][] convolve(double[][] image, double[][] featureDetector) {
        return Convolution.convolve(image, featureDetector);
    }

    @Override
    public double[][] convolve(double[][] image, double[][] featureDetector, int stride, int padding) {
        return Convolution.convolve(image, featureDetector, stride, padding);
    }

    @Override
    public double[][] relu(double[][] featureMap) {
        return Relu.apply(featureMap);
    }

    @Override
    public double[][] pool(double[][] featureMap) {
        return MaxPooling.pool(featureMap);
    }

    @Override
    public double[] flatten(double[][] pooledFeatureMap) {
        return Flattening.flatten(pooledFeatureMap);
    }

    @Override
    public double[] forward(double[] input, double[][] weights, double[] bias) {
        return FullConnection.forward(input, weights, bias);
    }

    @Override
    public double[] softmax(double[] scores) {
        return Softmax.apply(scores);
    }

    @Override
    public double loss(double[] predicted, double[] actual) {
        return CrossEntropy.loss(predicted, actual);
    }

    @Override
    public double[] gradient(double[] scores, double[] actual) {
        return CrossEntropy.gradient(scores, actual);
    }

    @Override
    public double classificationError(double[][] predicted, double[][] actual) {
        return ErrorMeasures.classificationError(predicted, actual);
    }

    @Override
    public double meanSquaredError(double[][] predicted, double[][] actual) {
        return ErrorMeasures.meanSquaredError(predicted, actual);
    }

    @Override
    public double crossEntropy(double[][] predicted, double[][] actual) {
        return ErrorMeasures.crossEntropy(predicted, actual);
    }

    @Override
    public double[] softmaxBackward(double[] scores, double[] outputGradient) {
        return Softmax.backward(scores, outputGradient);
    }

    @Override
    public double[] inputGradient(double[][] weights, double[] outputGradient) {
        return FullConnection.inputGradient(weights, outputGradient);
    }

    @Override
    public double[][] weightGradient(double[] input, double[] outputGradient) {
        return FullConnection.weightGradient(input, outputGradient);
    }

    @Override
    public double[] biasGradient(double[] outputGradient) {
        return FullConnection.biasGradient(outputGradient);
    }

    @Override
    public double[][] unflatten(double[] vector, int rows, int cols) {
        return Flattening.unflatten(vector, rows, cols);
    }

    @Override
    public double[][] poolBackward(double[][] featureMap, double[][] outputGradient) {
        return MaxPooling.backward(featureMap, outputGradient, 2, 2);
    }

    @Override
    public double[][] reluBackward(double[][] featureMap, double[][] outputGradient) {
        return Relu.backward(featureMap, outputGradient);
    }

    @Override
    public double[][] detectorGradient(double[][] image, double[][] featureDetector, double[][] outputGradient) {
        return Convolution.detectorGradient(image, featureDetector, outputGradient, 1, 0);
    }

    @Override
    public double[][] imageGradient(double[][] image, double[][] featureDetector, double[][] outputGradient) {
        return Convolution.imageGradient(image, featureDetector, outputGradient, 1, 0);
    }
}
