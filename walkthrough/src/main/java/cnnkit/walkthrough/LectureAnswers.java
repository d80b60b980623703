package cnnkit.walkthrough;

import cnnkit.lecture.LectureData;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lecture's own answers as an {@link Implementation}, for the demo ({@code walkthrough --reference}): each call
 * the walk makes on the lecture's inputs returns the lecture's result, read from {@code lecture-data}. It computes
 * nothing, so the learners' jar holds no step that works on arbitrary input: any other input is refused.
 *
 * <pre>
 *   LectureAnswers.INSTANCE.pool(LectureData.rectifiedMap());   // the lecture's pooled map
 *   LectureAnswers.INSTANCE.pool(new double[][] {{1, 2}});      // IllegalArgumentException
 * </pre>
 */
public final class LectureAnswers implements Implementation {
    /** The one instance: the answers are the lecture's, read once. */
    public static final LectureAnswers INSTANCE = new LectureAnswers();

    private final Map<List<Object>, Grid> answers = new HashMap<>();

    private LectureAnswers() {
        double[][] image = LectureData.image();
        double[][] detector = LectureData.featureDetector();
        answer(new Grid(LectureData.featureMap()), "convolve", new Grid(image), new Grid(detector));
        answer(new Grid(LectureData.rectifiedMap()), "relu", new Grid(LectureData.featureMap()));
        double[][] signed = LectureData.matrix("Relu/signed-map.csv");
        answer(
                new Grid(Arrays.copyOfRange(signed, signed.length / 2, signed.length)),
                "relu",
                new Grid(Arrays.copyOfRange(signed, 0, signed.length / 2)));
        answer(new Grid(LectureData.pooledMap()), "pool", new Grid(LectureData.rectifiedMap()));
        answer(Grid.row(LectureData.flattened()), "flatten", new Grid(LectureData.pooledMap()));
        answer(
                Grid.row(LectureData.denseScores()),
                "forward",
                Grid.row(LectureData.flattened()),
                new Grid(LectureData.denseWeights()),
                Grid.row(LectureData.denseBias()));
        answer(Grid.row(LectureData.probabilities()), "softmax", Grid.row(LectureData.denseScores()));
        Map<String, Double> example = LectureData.crossEntropyExample();
        Grid target = Grid.row(example.get("target_dog"), example.get("target_cat"));
        answer(Grid.scalar(example.get("loss")), "loss", Grid.row(LectureData.probabilities()), target);
        answer(
                Grid.row(example.get("gradient_dog"), example.get("gradient_cat")),
                "gradient",
                Grid.row(LectureData.denseScores()),
                target);
        for (String name : List.of("NN1", "NN2")) {
            LectureData.Network nn = LectureData.network(name);
            LectureData.Measures m = LectureData.measures(name);
            Grid predicted = new Grid(nn.predicted());
            Grid actual = new Grid(nn.actual());
            answer(Grid.scalar(m.classificationError()), "classificationError", predicted, actual);
            answer(Grid.scalar(m.meanSquaredError()), "meanSquaredError", predicted, actual);
            answer(Grid.scalar(m.crossEntropy()), "crossEntropy", predicted, actual);
        }
        backward(Grid.row(example.get("gradient_dog"), example.get("gradient_cat")));
    }

    /** The backward walk's calls: each gets the gradient the call before gives, as the walk passes them on. */
    private void backward(Grid scores) {
        Grid image = new Grid(LectureData.image());
        Grid detector = new Grid(LectureData.featureDetector());
        Grid flattened = LectureGradient.FLATTENED.grid();
        Grid pooled = LectureGradient.POOLED_MAP.grid();
        Grid rectified = LectureGradient.RECTIFIED_MAP.grid();
        Grid featureMap = LectureGradient.FEATURE_MAP.grid();
        answer(scores, "softmaxBackward", Grid.row(LectureData.denseScores()), LectureGradient.PROBABILITIES.grid());
        answer(flattened, "inputGradient", new Grid(LectureData.denseWeights()), scores);
        answer(LectureGradient.WEIGHTS.grid(), "weightGradient", Grid.row(LectureData.flattened()), scores);
        answer(scores, "biasGradient", scores);
        answer(pooled, "unflatten", flattened, Grid.row(pooled.rows(), pooled.cols()));
        answer(rectified, "poolBackward", new Grid(LectureData.rectifiedMap()), pooled);
        answer(featureMap, "reluBackward", new Grid(LectureData.featureMap()), rectified);
        answer(LectureGradient.DETECTOR.grid(), "detectorGradient", image, detector, featureMap);
        answer(LectureGradient.IMAGE.grid(), "imageGradient", image, detector, featureMap);
    }

    private void answer(Grid result, String method, Grid... inputs) {
        answers.put(key(method, inputs), result);
    }

    private static List<Object> key(String method, Grid... inputs) {
        return List.of(method, List.of(inputs));
    }

    /** @throws IllegalArgumentException if the walk never makes this call on the lecture's example */
    private Grid lookUp(String method, Grid... inputs) {
        Grid result = answers.get(key(method, inputs));
        if (result == null) {
            throw new IllegalArgumentException("the demo knows only the lecture's example, not this call of " + method
                    + ": use your own code (--src or --classes) for other inputs");
        }
        return result;
    }

    @Override
    public double[][] convolve(double[][] image, double[][] featureDetector) {
        return lookUp("convolve", new Grid(image), new Grid(featureDetector)).matrix();
    }

    @Override
    public double[][] convolve(double[][] image, double[][] featureDetector, int stride, int padding) {
        if (stride != 1 || padding != 0) {
            throw new IllegalArgumentException("the demo knows only the lecture's convolution: stride 1, no padding");
        }
        return convolve(image, featureDetector);
    }

    @Override
    public double[][] relu(double[][] featureMap) {
        return lookUp("relu", new Grid(featureMap)).matrix();
    }

    @Override
    public double[][] pool(double[][] featureMap) {
        return lookUp("pool", new Grid(featureMap)).matrix();
    }

    @Override
    public double[] flatten(double[][] pooledFeatureMap) {
        return lookUp("flatten", new Grid(pooledFeatureMap)).vector();
    }

    @Override
    public double[] forward(double[] input, double[][] weights, double[] bias) {
        return lookUp("forward", Grid.row(input), new Grid(weights), Grid.row(bias))
                .vector();
    }

    @Override
    public double[] softmax(double[] scores) {
        return lookUp("softmax", Grid.row(scores)).vector();
    }

    @Override
    public double loss(double[] predicted, double[] actual) {
        return lookUp("loss", Grid.row(predicted), Grid.row(actual)).value();
    }

    @Override
    public double[] gradient(double[] scores, double[] actual) {
        return lookUp("gradient", Grid.row(scores), Grid.row(actual)).vector();
    }

    @Override
    public double classificationError(double[][] predicted, double[][] actual) {
        return lookUp("classificationError", new Grid(predicted), new Grid(actual))
                .value();
    }

    @Override
    public double meanSquaredError(double[][] predicted, double[][] actual) {
        return lookUp("meanSquaredError", new Grid(predicted), new Grid(actual)).value();
    }

    @Override
    public double crossEntropy(double[][] predicted, double[][] actual) {
        return lookUp("crossEntropy", new Grid(predicted), new Grid(actual)).value();
    }

    @Override
    public double[] softmaxBackward(double[] scores, double[] outputGradient) {
        return lookUp("softmaxBackward", Grid.row(scores), Grid.row(outputGradient))
                .vector();
    }

    @Override
    public double[] inputGradient(double[][] weights, double[] outputGradient) {
        return lookUp("inputGradient", new Grid(weights), Grid.row(outputGradient))
                .vector();
    }

    @Override
    public double[][] weightGradient(double[] input, double[] outputGradient) {
        return lookUp("weightGradient", Grid.row(input), Grid.row(outputGradient))
                .matrix();
    }

    @Override
    public double[] biasGradient(double[] outputGradient) {
        return lookUp("biasGradient", Grid.row(outputGradient)).vector();
    }

    @Override
    public double[][] unflatten(double[] vector, int rows, int cols) {
        return lookUp("unflatten", Grid.row(vector), Grid.row(rows, cols)).matrix();
    }

    @Override
    public double[][] poolBackward(double[][] featureMap, double[][] outputGradient) {
        return lookUp("poolBackward", new Grid(featureMap), new Grid(outputGradient))
                .matrix();
    }

    @Override
    public double[][] reluBackward(double[][] featureMap, double[][] outputGradient) {
        return lookUp("reluBackward", new Grid(featureMap), new Grid(outputGradient))
                .matrix();
    }

    @Override
    public double[][] detectorGradient(double[][] image, double[][] featureDetector, double[][] outputGradient) {
        return lookUp("detectorGradient", new Grid(image), new Grid(featureDetector), new Grid(outputGradient))
                .matrix();
    }

    @Override
    public double[][] imageGradient(double[][] image, double[][] featureDetector, double[][] outputGradient) {
        return lookUp("imageGradient", new Grid(image), new Grid(featureDetector), new Grid(outputGradient))
                .matrix();
    }
}
