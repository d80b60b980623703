package cnnkit.walkthrough;

/**
 * The lecture's steps as the walk calls them: one method per public method of package {@code cnn} that the walk
 * uses. Two implementations ship: {@link LectureAnswers} (the lecture's own results, for the demo) and the learner's
 * code behind {@code cnnkit.walkthrough.probe.LearnerProbe}, which is the only class that names {@code cnn.*}. The
 * tests add {@code Reference}, the hidden tests' oracle (never shipped to learners).
 */
public interface Implementation {
    /** Step 1: valid convolution, stride 1 ({@code cnn.Convolution.convolve(image, detector)}). */
    double[][] convolve(double[][] image, double[][] featureDetector);

    /** Step 1 with stride and zero padding (the filters use it for "same" size). */
    double[][] convolve(double[][] image, double[][] featureDetector, int stride, int padding);

    /** Step 1(b): {@code cnn.Relu.apply}. */
    double[][] relu(double[][] featureMap);

    /** Step 2: 2x2 max pooling, stride 2 ({@code cnn.MaxPooling.pool}). */
    double[][] pool(double[][] featureMap);

    /** Step 3: {@code cnn.Flattening.flatten}. */
    double[] flatten(double[][] pooledFeatureMap);

    /** Step 4: {@code cnn.FullConnection.forward}. */
    double[] forward(double[] input, double[][] weights, double[] bias);

    /** Extra 1: {@code cnn.Softmax.apply}. */
    double[] softmax(double[] scores);

    /** Extra 2: {@code cnn.CrossEntropy.loss}. */
    double loss(double[] predicted, double[] actual);

    /** Extra 2: {@code cnn.CrossEntropy.gradient}, y − t. */
    double[] gradient(double[] scores, double[] actual);

    /** Extra 3: {@code cnn.ErrorMeasures.classificationError}. */
    double classificationError(double[][] predicted, double[][] actual);

    /** Extra 3: {@code cnn.ErrorMeasures.meanSquaredError}. */
    double meanSquaredError(double[][] predicted, double[][] actual);

    /** Extra 3: {@code cnn.ErrorMeasures.crossEntropy}. */
    double crossEntropy(double[][] predicted, double[][] actual);

    /** Back E1: {@code cnn.Softmax.backward}, ∂L/∂scores from ∂L/∂probabilities. */
    double[] softmaxBackward(double[] scores, double[] outputGradient);

    /** Back 4: {@code cnn.FullConnection.inputGradient}, {@code Wᵀg}. */
    double[] inputGradient(double[][] weights, double[] outputGradient);

    /** Back 4: {@code cnn.FullConnection.weightGradient}, {@code g ⊗ x}. */
    double[][] weightGradient(double[] input, double[] outputGradient);

    /** Back 4: {@code cnn.FullConnection.biasGradient}, a copy of g. */
    double[] biasGradient(double[] outputGradient);

    /** Back 3: {@code cnn.Flattening.unflatten(vector, rows, cols)}. */
    double[][] unflatten(double[] vector, int rows, int cols);

    /** Back 2: {@code cnn.MaxPooling.backward} with the lecture's 2x2 windows moved by 2. */
    double[][] poolBackward(double[][] featureMap, double[][] outputGradient);

    /** Back 1(b): {@code cnn.Relu.backward}. */
    double[][] reluBackward(double[][] featureMap, double[][] outputGradient);

    /** Back 1: {@code cnn.Convolution.detectorGradient}, stride 1, no padding. */
    double[][] detectorGradient(double[][] image, double[][] featureDetector, double[][] outputGradient);

    /** Back 1: {@code cnn.Convolution.imageGradient}, stride 1, no padding. */
    double[][] imageGradient(double[][] image, double[][] featureDetector, double[][] outputGradient);
}
