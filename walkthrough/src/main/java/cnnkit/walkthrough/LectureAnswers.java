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
}
