package cnnkit.hidden;

import cnn.Convolution;
import cnn.CrossEntropy;
import cnn.Flattening;
import cnn.FullConnection;
import cnn.MaxPooling;
import cnn.Relu;
import cnn.Softmax;
import cnnkit.hidden.support.Steps;
import cnnkit.hidden.support.Student;

/**
 * The student's own steps, forward and backward, each call time-bounded ({@link Student}): what the training checks
 * compose to judge {@code Training.step} by how it puts the steps together, not by whether each step is right (each
 * backward pass has its own unit; a mistake there costs that unit).
 */
final class YourSteps implements Steps {
    static final Steps INSTANCE = new YourSteps();

    private YourSteps() {}

    @Override
    public double[][][] convolve(double[][][] input, double[][][][] filters, double[] bias, int stride, int padding) {
        return Student.call(() -> Convolution.convolve(input, filters, bias, stride, padding));
    }

    @Override
    public double[][][] relu(double[][][] maps) {
        return Student.call(() -> Relu.apply(maps));
    }

    @Override
    public double[][][] pool(double[][][] maps, int size, int stride) {
        return Student.call(() -> MaxPooling.pool(maps, size, stride));
    }

    @Override
    public double[] flatten(double[][][] maps) {
        return Student.call(() -> Flattening.flatten(maps));
    }

    @Override
    public double[] forward(double[] input, double[][] weights, double[] bias) {
        return Student.call(() -> FullConnection.forward(input, weights, bias));
    }

    @Override
    public double[] softmax(double[] scores) {
        return Student.call(() -> Softmax.apply(scores));
    }

    @Override
    public double[] gradient(double[] scores, double[] target) {
        return Student.call(() -> CrossEntropy.gradient(scores, target));
    }

    @Override
    public double[] inputGradient(double[][] weights, double[] g) {
        return Student.call(() -> FullConnection.inputGradient(weights, g));
    }

    @Override
    public double[][] weightGradient(double[] input, double[] g) {
        return Student.call(() -> FullConnection.weightGradient(input, g));
    }

    @Override
    public double[][][] unflatten(double[] v, int maps, int rows, int cols) {
        return Student.call(() -> Flattening.unflatten(v, maps, rows, cols));
    }

    @Override
    public double[][][] poolBackward(double[][][] maps, double[][][] g, int size, int stride) {
        return Student.call(() -> MaxPooling.backward(maps, g, size, stride));
    }

    @Override
    public double[][][] reluBackward(double[][][] maps, double[][][] g) {
        return Student.call(() -> Relu.backward(maps, g));
    }

    @Override
    public double[][][][] filterGradient(
            double[][][] input, double[][][][] filters, double[][][] g, int stride, int padding) {
        return Student.call(() -> Convolution.filterGradient(input, filters, g, stride, padding));
    }

    @Override
    public double[] biasGradient(double[][][] g) {
        return Student.call(() -> Convolution.biasGradient(g));
    }
}
