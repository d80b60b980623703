package cnnkit.walkthrough;

import cnnkit.lecture.LectureData;
import cnnkit.lecture.Step;
import cnnkit.walkthrough.Scene.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Replays the lecture's example on the learner's code, one {@link Scene} per step in lecture order, then backwards
 * (Part 2): one scene per backward pass from the loss to the image, {@link #BACKWARD}.
 *
 * <p>Every step gets the lecture's own inputs (the reference output of the step before), so a step can be
 * explored even when an earlier one is not implemented yet; on the way back, the gradient the reference's step
 * before gives ({@link LectureGradient}). The walk stops at the first wrong step: what follows would build on a
 * result the learner has not got.
 */
public final class Walkthrough {
    /** The backward passes in the walk's order, from the loss back to the image. */
    public static final List<Step> BACKWARD =
            List.of(Step.SOFTMAX, Step.FULL_CONNECTION, Step.FLATTENING, Step.MAX_POOLING, Step.RELU, Step.CONVOLUTION);

    /** Number of scenes: one per {@link Step}, then one per backward pass. */
    public static final int SCENES = Step.values().length + BACKWARD.size();

    private static final String[] CLASSES = {"Dog", "Cat"};

    private final Implementation learner;
    private final Duration timeout;
    private final MistakeRecogniser recogniser;
    private final Map<Step, List<String>> notCompiled;
    private Consumer<Check> observer = check -> {};

    /**
     * One comparison of the walk: a call of a {@code cnn} method on the walk's inputs.
     *
     * @param step   the step checked
     * @param method the method called, as {@link MistakeRecogniser#recognise} names it
     * @param inputs its arguments as grids
     */
    record Check(Step step, String method, List<Grid> inputs) {}

    /**
     * A walk that names mistakes with the grader's misconception catalogue ({@link MistakeTable}).
     *
     * @param learner     the code to walk through (the learner's, or {@link LectureAnswers#INSTANCE} for a demo)
     * @param timeout     time limit for each call into it
     * @param notCompiled the steps whose sources did not compile, with the compiler's messages (they run as
     *                    stubs, so the walk shows them like steps not implemented yet, with the messages)
     */
    public Walkthrough(Implementation learner, Duration timeout, Map<Step, List<String>> notCompiled) {
        this(learner, timeout, MistakeTable.load(), notCompiled);
    }

    /** @param recogniser names mistakes at a wrong step, with their hints */
    public Walkthrough(
            Implementation learner,
            Duration timeout,
            MistakeRecogniser recogniser,
            Map<Step, List<String>> notCompiled) {
        this.learner = learner;
        this.timeout = timeout;
        this.recogniser = recogniser;
        this.notCompiled = Map.copyOf(notCompiled);
    }

    /**
     * @param observer told of every check the walk reaches, before the learner's code is called (the build step
     *                 that computes the {@link MistakeTable} learns the walk's inputs this way)
     * @return this walk
     */
    Walkthrough observe(Consumer<Check> observer) {
        this.observer = observer;
        return this;
    }

    /** @return the scenes in lecture order, then the backward passes, up to and including the first wrong one */
    public List<Scene> walk() {
        List<Scene> scenes = new ArrayList<>();
        for (Step step : Step.values()) {
            Scene s = scene(step);
            scenes.add(s);
            if (s.verdict() == Verdict.WRONG) {
                return scenes;
            }
        }
        for (Step step : BACKWARD) {
            Scene s = backwardScene(step);
            scenes.add(s);
            if (s.verdict() == Verdict.WRONG) {
                break;
            }
        }
        return scenes;
    }

    /**
     * @param step a step of {@link #BACKWARD}
     * @return its backward pass's scene alone, on the lecture's example
     * @throws IllegalArgumentException for a step without a backward pass in the walk
     */
    public Scene backwardScene(Step step) {
        return switch (step) {
            case SOFTMAX -> softmaxBackward();
            case FULL_CONNECTION -> fullConnectionBackward();
            case FLATTENING -> flatteningBackward();
            case MAX_POOLING -> maxPoolingBackward();
            case RELU -> reluBackward();
            case CONVOLUTION -> convolutionBackward();
            default -> throw new IllegalArgumentException(step + " has no backward pass in the walk");
        };
    }

    /**
     * @param given a backward pass as a learner names it: {@code B2} or {@code Back 2} (the lecture's number after
     *     "B" or "Back", e.g. {@code B1b}, {@code BE1}), or its name ({@code MaxPoolingBackward}); case and spaces do
     *     not matter
     * @return that step, if it is one of {@link #BACKWARD}
     */
    public static Optional<Step> backwardStep(String given) {
        String g = given == null ? "" : given.replaceAll("[\\s()]", "").toLowerCase(Locale.ROOT);
        return BACKWARD.stream()
                .filter(s -> g.equals(s.backwardName().orElseThrow().toLowerCase(Locale.ROOT))
                        || g.equals("b" + s.number().toLowerCase(Locale.ROOT))
                        || g.equals("back" + s.number().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** @return every backward pass's short label for {@link #backwardStep}, e.g. "B4, B3, B2" */
    public static String backwardNumbers() {
        return String.join(", ", BACKWARD.stream().map(s -> "B" + s.number()).toList());
    }

    /**
     * @param step a step of the lecture
     * @return its scene alone, on the lecture's inputs
     */
    public Scene scene(Step step) {
        return switch (step) {
            case CONVOLUTION -> convolution();
            case RELU -> relu();
            case MAX_POOLING -> maxPooling();
            case FLATTENING -> flattening();
            case FULL_CONNECTION -> fullConnection();
            case SOFTMAX -> softmax();
            case CROSS_ENTROPY -> crossEntropy();
            case ERROR_MEASURES -> errorMeasures();
        };
    }

    private Scene convolution() {
        Builder b = new Builder(1, Step.CONVOLUTION);
        double[][] image = LectureData.image();
        double[][] detector = LectureData.featureDetector();
        b.text("The input image is the lecture's 7x7 smiley drawn with 1s; the feature detector is 3x3.");
        b.input("input image", new Grid(image), 0);
        b.input("feature detector", new Grid(detector), 0);
        b.text("The detector is laid on the image at each of the 25 positions, as it is (not turned). The cells it "
                + "covers are multiplied with the detector's cells (image·detector) and summed: one cell of the feature "
                + "map.");
        double[][] map = LectureData.featureMap();
        for (int r = 0; r < map.length; r++) {
            for (int c = 0; c < map[0].length; c++) {
                b.calculation(
                        String.format(
                                "row %d, col %d: %s",
                                r + 1, c + 1, Arithmetic.sumOfProducts(image, detector, r, c, map[r][c])),
                        new Scene.Window(new Grid(image), r, c, detector.length, detector[0].length));
            }
        }
        b.check(
                "your feature map",
                "convolve",
                List.of(new Grid(image), new Grid(detector)),
                () -> learner.convolve(image, detector),
                Walkthrough::matrix,
                new Grid(map));
        int[] best = Arithmetic.argmax(map);
        b.text("The strongest cell, " + Grid.format(map[best[0]][best[1]]) + " at row " + (best[0] + 1) + ", col "
                + (best[1] + 1) + ", is where the image looks most like the detector.");
        return b.build("Convolution");
    }

    private Scene relu() {
        Builder b = new Builder(2, Step.RELU);
        double[][] map = LectureData.featureMap();
        b.text("ReLU keeps every cell's max(0, x): negative cells become 0, so the network can learn sharp, "
                + "non-linear transitions.");
        b.check(
                "ReLU of the feature map",
                "apply",
                List.of(new Grid(map)),
                () -> learner.relu(map),
                Walkthrough::matrix,
                new Grid(LectureData.rectifiedMap()));
        b.text("The lecture's map has no negative cells, so ReLU changes nothing there. A map with negative cells "
                + "(not from the slides) shows what ReLU removes:");
        double[][] signed = LectureData.matrix("Relu/signed-map.csv");
        double[][] in = Arrays.copyOfRange(signed, 0, signed.length / 2);
        double[][] out = Arrays.copyOfRange(signed, signed.length / 2, signed.length);
        b.input("a map with negative cells", new Grid(in), 0);
        b.check(
                "ReLU of that map",
                "apply",
                List.of(new Grid(in)),
                () -> learner.relu(in),
                Walkthrough::matrix,
                new Grid(out));
        return b.build("ReLU");
    }

    private Scene maxPooling() {
        Builder b = new Builder(3, Step.MAX_POOLING);
        double[][] map = LectureData.rectifiedMap();
        b.text("A 2x2 window moves over the rectified feature map by 2 cells; each window keeps its largest value. "
                + "Windows over the right and bottom edge keep the cells they have.");
        b.input("rectified feature map, windows marked", new Grid(map), 2);
        List<String> windows = Arithmetic.poolingWindows(map, LectureData.pooledMap());
        int across = (map[0].length + 1) / 2;
        for (int i = 0; i < windows.size(); i++) {
            b.calculation(windows.get(i), new Scene.Window(new Grid(map), i / across * 2, i % across * 2, 2, 2));
        }
        b.check(
                "your pooled feature map",
                "pool",
                List.of(new Grid(map)),
                () -> learner.pool(map),
                Walkthrough::matrix,
                new Grid(LectureData.pooledMap()));
        return b.build("Max pooling");
    }

    private Scene flattening() {
        Builder b = new Builder(4, Step.FLATTENING);
        double[][] pooled = LectureData.pooledMap();
        b.text("The pooled map is read row by row into one long vector: the input of the dense layer.");
        b.input("pooled feature map", new Grid(pooled), 0);
        for (int r = 0; r < pooled.length; r++) {
            int first = r * pooled[0].length + 1;
            b.calculation(String.format(
                    "row %d → positions %d–%d: %s",
                    r + 1, first, first + pooled[0].length - 1, Arithmetic.list(pooled[r])));
        }
        b.check(
                "your vector",
                "flatten",
                List.of(new Grid(pooled)),
                () -> learner.flatten(pooled),
                Walkthrough::vector,
                Grid.row(LectureData.flattened()));
        return b.build("Flattening");
    }

    private Scene fullConnection() {
        Builder b = new Builder(5, Step.FULL_CONNECTION);
        double[] input = LectureData.flattened();
        double[][] weights = LectureData.denseWeights();
        double[] bias = LectureData.denseBias();
        b.text("The lecture draws the dense layer but gives no weights: the weights and biases below are "
                + "ILLUSTRATIVE, chosen by hand for this walk (lecture-data/FullConnection), not from the slides.");
        b.input("weights (row 1 = Dog, row 2 = Cat)", new Grid(weights), 0);
        b.input("bias (Dog, Cat)", Grid.row(bias), 0);
        double[] scores = LectureData.denseScores();
        for (int o = 0; o < weights.length; o++) {
            b.calculation(CLASSES[o % 2] + ": " + Arithmetic.weightedSum(weights[o], input, bias[o], scores[o]));
        }
        b.check(
                "your scores (Dog, Cat)",
                "forward",
                List.of(Grid.row(input), new Grid(weights), Grid.row(bias)),
                () -> learner.forward(input, weights, bias),
                Walkthrough::vector,
                Grid.row(scores));
        return b.build("Full connection");
    }

    private Scene softmax() {
        Builder b = new Builder(6, Step.SOFTMAX);
        double[] scores = LectureData.denseScores();
        b.text("Softmax turns the scores into probabilities that sum to 1: e^z / Σ e^z.");
        double[] probabilities = LectureData.probabilities();
        for (String line : Arithmetic.softmax(scores, probabilities, CLASSES)) {
            b.calculation(line);
        }
        b.check(
                "your probabilities (Dog, Cat)",
                "apply",
                List.of(Grid.row(scores)),
                () -> learner.softmax(scores),
                Walkthrough::vector,
                Grid.row(probabilities));
        return b.build("Softmax");
    }

    private Scene crossEntropy() {
        Builder b = new Builder(7, Step.CROSS_ENTROPY);
        Map<String, Double> example = LectureData.crossEntropyExample();
        double[] target = {example.get("target_dog"), example.get("target_cat")};
        double[] y = LectureData.probabilities();
        double[] scores = LectureData.denseScores();
        b.text("The image is a dog: target t = (1, 0). Cross-entropy −Σ t·ln(y) only looks at the probability "
                + "given to the true class.");
        b.calculation("loss = −(" + Arithmetic.termsOfLogs(target, y) + ") = " + Grid.format(example.get("loss")));
        b.check(
                "your loss",
                "loss",
                List.of(Grid.row(y), Grid.row(target)),
                () -> learner.loss(y, target),
                Grid::scalar,
                Grid.scalar(example.get("loss")));
        b.text("Its gradient with respect to the scores is the lecture's short result: y − t.");
        b.calculation("Dog: " + Grid.format(y[0]) + " − " + Grid.format(target[0]) + " = "
                + Grid.format(example.get("gradient_dog")));
        b.calculation("Cat: " + Grid.format(y[1]) + " − " + Grid.format(target[1]) + " = "
                + Grid.format(example.get("gradient_cat")));
        b.check(
                "your gradient y − t (Dog, Cat)",
                "gradient",
                List.of(Grid.row(scores), Grid.row(target)),
                () -> learner.gradient(scores, target),
                Walkthrough::vector,
                Grid.row(example.get("gradient_dog"), example.get("gradient_cat")));
        return b.build("Cross-entropy");
    }

    private Scene errorMeasures() {
        Builder b = new Builder(8, Step.ERROR_MEASURES);
        LectureData.Network nn1 = LectureData.network("NN1");
        LectureData.Network nn2 = LectureData.network("NN2");
        b.text("The lecture compares two networks on three images (Dog, Cat):");
        b.table(
                "predictions and targets",
                List.of("image", "NN1 Dog", "NN1 Cat", "NN2 Dog", "NN2 Cat", "actual"),
                Arithmetic.networkRows(nn1, nn2));
        LectureData.Measures m1 = LectureData.measures("NN1");
        LectureData.Measures m2 = LectureData.measures("NN2");
        List<Grid> inputs = List.of(
                new Grid(nn1.predicted()), new Grid(nn1.actual()), new Grid(nn2.predicted()), new Grid(nn2.actual()));
        b.check(
                "your classification error (NN1, NN2)",
                "classificationError",
                inputs,
                () -> Grid.row(
                        learner.classificationError(nn1.predicted(), nn1.actual()),
                        learner.classificationError(nn2.predicted(), nn2.actual())),
                Function.identity(),
                Grid.row(m1.classificationError(), m2.classificationError()));
        b.check(
                "your mean squared error (NN1, NN2)",
                "meanSquaredError",
                inputs,
                () -> Grid.row(
                        learner.meanSquaredError(nn1.predicted(), nn1.actual()),
                        learner.meanSquaredError(nn2.predicted(), nn2.actual())),
                Function.identity(),
                Grid.row(m1.meanSquaredError(), m2.meanSquaredError()));
        b.check(
                "your cross-entropy (NN1, NN2)",
                "crossEntropy",
                inputs,
                () -> Grid.row(
                        learner.crossEntropy(nn1.predicted(), nn1.actual()),
                        learner.crossEntropy(nn2.predicted(), nn2.actual())),
                Function.identity(),
                Grid.row(m1.crossEntropy(), m2.crossEntropy()));
        b.table(
                "the lecture's comparison (exact values; the slides round)",
                List.of("measure", "NN1", "NN2"),
                List.of(
                        List.of(
                                "classification error",
                                Grid.format(m1.classificationError()),
                                Grid.format(m2.classificationError())),
                        List.of(
                                "mean squared error",
                                Grid.format(m1.meanSquaredError()),
                                Grid.format(m2.meanSquaredError())),
                        List.of("cross-entropy", Grid.format(m1.crossEntropy()), Grid.format(m2.crossEntropy()))));
        b.text("Both networks misclassify one image in three, but NN1 is clearly better: only the mean squared "
                + "error and the cross-entropy see it.");
        return b.build("Error measures");
    }

    private Scene softmaxBackward() {
        Builder b = new Builder(Step.SOFTMAX);
        double[] scores = LectureData.denseScores();
        double[] y = LectureData.probabilities();
        Map<String, Double> example = LectureData.crossEntropyExample();
        double[] target = {example.get("target_dog"), example.get("target_cat")};
        double[] dy = LectureGradient.PROBABILITIES.grid().vector();
        Grid scoresGradient = Grid.row(example.get("gradient_dog"), example.get("gradient_cat"));
        b.text("Now the walk goes backwards through the same example, from the loss to the image, as training does: "
                + "each step's backward pass gets g, the gradient of the loss with respect to the step's output, and "
                + "gives the gradient with respect to its input. The target stays Dog, t = (1, 0). The lecture gives "
                + "no gradients: the expected values are the kit's reference on the lecture's example, computed when "
                + "this tool was built.");
        b.text("The loss's gradient at the probabilities is −t / y: Dog −" + Grid.format(target[0]) + " / "
                + Grid.format(y[0]) + " = " + Grid.format(dy[0]) + ", Cat −" + Grid.format(target[1]) + " / "
                + Grid.format(y[1]) + " = " + Grid.format(dy[1]) + ". Softmax's backward pass y ⊙ (g − g·y) turns it "
                + "into the gradient at the scores — the lecture's short result y − t (Extra 2):");
        b.input("g = ∂L/∂y (Dog, Cat)", Grid.row(dy), 0);
        for (String line : Arithmetic.softmaxBackward(y, dy, scoresGradient.vector(), CLASSES)) {
            b.calculation(line);
        }
        b.check(
                "your ∂L/∂scores (Dog, Cat)",
                "backward",
                List.of(Grid.row(scores), Grid.row(dy)),
                () -> learner.softmaxBackward(scores, dy),
                Walkthrough::vector,
                scoresGradient);
        return b.build("Softmax backward");
    }

    private Scene fullConnectionBackward() {
        Builder b = new Builder(Step.FULL_CONNECTION);
        Map<String, Double> example = LectureData.crossEntropyExample();
        double[] g = {example.get("gradient_dog"), example.get("gradient_cat")};
        double[][] weights = LectureData.denseWeights();
        double[] input = LectureData.flattened();
        b.text("The gradient at the scores is y − t (Extra 2). Input i of the dense layer was multiplied by "
                + "weights[o][i] into every output o, so its gradient is Σ g[o] · weights[o][i] over the outputs: "
                + "the weights' column i times g, Wᵀg.");
        b.input("g = y − t at the scores (Dog, Cat)", Grid.row(g), 0);
        b.input("weights (row 1 = Dog, row 2 = Cat)", new Grid(weights), 0);
        double[] flattened = LectureGradient.FLATTENED.grid().vector();
        for (int i = 0; i < flattened.length; i++) {
            b.calculation("position " + (i + 1) + ": " + Arithmetic.transposedProduct(weights, g, i, flattened[i]));
        }
        b.check(
                "your ∂L/∂(flattened vector)",
                "inputGradient",
                List.of(new Grid(weights), Grid.row(g)),
                () -> learner.inputGradient(weights, g),
                Walkthrough::vector,
                Grid.row(flattened));
        b.text("The weights learn from the same g: weights[o][i] gets g[o] · x[i] (the outer product g ⊗ x, the "
                + "weights' shape), and each bias, added once to its output, gets g[o] itself.");
        double[][] weightGradient = LectureGradient.WEIGHTS.grid().matrix();
        for (int o = 0; o < g.length; o++) {
            b.calculation(CLASSES[o] + ": " + Arithmetic.outerRow(g[o], input, weightGradient[o]));
        }
        b.check(
                "your ∂L/∂weights",
                "weightGradient",
                List.of(Grid.row(input), Grid.row(g)),
                () -> learner.weightGradient(input, g),
                Walkthrough::matrix,
                new Grid(weightGradient));
        b.check(
                "your ∂L/∂bias (Dog, Cat)",
                "biasGradient",
                List.of(Grid.row(g)),
                () -> learner.biasGradient(g),
                Walkthrough::vector,
                Grid.row(g));
        return b.build("Full connection backward");
    }

    private Scene flatteningBackward() {
        Builder b = new Builder(Step.FLATTENING);
        double[] vector = LectureGradient.FLATTENED.grid().vector();
        double[][] pooled = LectureGradient.POOLED_MAP.grid().matrix();
        int rows = pooled.length;
        int cols = pooled[0].length;
        b.text("Flattening only moved values, so its backward pass moves the gradient back where each value came "
                + "from: unflatten, row by row, as flatten read them.");
        b.input("∂L/∂(flattened vector)", Grid.row(vector), 0);
        for (int r = 0; r < rows; r++) {
            b.calculation(String.format(
                    "positions %d–%d → row %d: %s", r * cols + 1, r * cols + cols, r + 1, Arithmetic.list(pooled[r])));
        }
        b.check(
                "your ∂L/∂(pooled map)",
                "unflatten",
                List.of(Grid.row(vector), Grid.row(rows, cols)),
                () -> learner.unflatten(vector, rows, cols),
                Walkthrough::matrix,
                new Grid(pooled));
        return b.build("Flattening backward");
    }

    private Scene maxPoolingBackward() {
        Builder b = new Builder(Step.MAX_POOLING);
        double[][] map = LectureData.rectifiedMap();
        double[][] g = LectureGradient.POOLED_MAP.grid().matrix();
        b.text("Each pooled cell copied one cell of its window, the largest, so the window's gradient goes back to "
                + "that cell only; the window's other cells get 0. Where several cells tie for the largest, the first "
                + "of them in row-major order (row by row, left to right) gets it: the one the forward pass took.");
        b.input("rectified feature map, windows marked", new Grid(map), 2);
        b.input("g = ∂L/∂(pooled map)", new Grid(g), 0);
        List<String> windows = Arithmetic.poolingGradients(map, g);
        int across = (map[0].length + 1) / 2;
        for (int i = 0; i < windows.size(); i++) {
            b.calculation(windows.get(i), new Scene.Window(new Grid(map), i / across * 2, i % across * 2, 2, 2));
        }
        b.check(
                "your ∂L/∂(rectified map)",
                "backward",
                List.of(new Grid(map), new Grid(g)),
                () -> learner.poolBackward(map, g),
                Walkthrough::matrix,
                LectureGradient.RECTIFIED_MAP.grid());
        return b.build("Max pooling backward");
    }

    private Scene reluBackward() {
        Builder b = new Builder(Step.RELU);
        double[][] map = LectureData.featureMap();
        double[][] g = LectureGradient.RECTIFIED_MAP.grid().matrix();
        double[][] result = LectureGradient.FEATURE_MAP.grid().matrix();
        b.text("ReLU passed a cell on unchanged where its input was > 0 (slope 1) and gave 0 elsewhere (slope 0): "
                + "the gradient passes only where the forward pass's input, the feature map, is > 0, and stops where "
                + "it is ≤ 0 (0 included). The gradient's own sign does not matter.");
        b.input("feature map (ReLU's input)", new Grid(map), 0);
        b.input("g = ∂L/∂(rectified map)", new Grid(g), 0);
        for (String line : Arithmetic.reluGradients(map, g, result)) {
            b.calculation(line);
        }
        b.text("Every other cell gets 0: g is 0 there.");
        b.check(
                "your ∂L/∂(feature map)",
                "backward",
                List.of(new Grid(map), new Grid(g)),
                () -> learner.reluBackward(map, g),
                Walkthrough::matrix,
                new Grid(result));
        return b.build("ReLU backward");
    }

    private Scene convolutionBackward() {
        Builder b = new Builder(Step.CONVOLUTION);
        double[][] image = LectureData.image();
        double[][] detector = LectureData.featureDetector();
        double[][] g = LectureGradient.FEATURE_MAP.grid().matrix();
        double[][] dDetector = LectureGradient.DETECTOR.grid().matrix();
        b.text("Detector cell (i, j) was multiplied by image cell (r + i, c + j) into cell (r, c) of the feature map, "
                + "at all 25 positions, so its gradient is Σ g[r][c] · image[r + i][c + j]: the detector's place "
                + "laid over the image again, now weighted by the gradient. Only the positions where g is not 0 add "
                + "something; they are written out.");
        b.input("input image", new Grid(image), 0);
        b.input("g = ∂L/∂(feature map)", new Grid(g), 0);
        for (int i = 0; i < dDetector.length; i++) {
            for (int j = 0; j < dDetector[0].length; j++) {
                b.calculation(
                        "d detector " + Arithmetic.cell(i, j) + " = "
                                + Arithmetic.detectorGradient(image, g, i, j, dDetector[i][j]),
                        new Scene.Window(new Grid(image), i, j, g.length, g[0].length));
            }
        }
        b.check(
                "your ∂L/∂(feature detector)",
                "detectorGradient",
                List.of(new Grid(image), new Grid(detector), new Grid(g)),
                () -> learner.detectorGradient(image, detector, g),
                Walkthrough::matrix,
                new Grid(dDetector));
        b.text("The image's gradient goes the other way: image cell (y, x) collects g[r][c] · detector[y − r][x − c] "
                + "from every position (r, c) whose detector covered it (as a convolution: g convolved with the "
                + "detector turned by 180°). The cells that a position with g not 0 covered:");
        b.input("feature detector", new Grid(detector), 0);
        double[][] dImage = LectureGradient.IMAGE.grid().matrix();
        for (String line : Arithmetic.imageGradients(detector, g, dImage)) {
            b.calculation(line);
        }
        b.text("Every other image cell gets 0. (A first layer does not need its image's gradient; a deeper one passes "
                + "it on to the layer before.)");
        b.check(
                "your ∂L/∂image",
                "imageGradient",
                List.of(new Grid(image), new Grid(detector), new Grid(g)),
                () -> learner.imageGradient(image, detector, g),
                Walkthrough::matrix,
                new Grid(dImage));
        return b.build("Convolution backward");
    }

    /** @return the matrix as a grid, or null if it is null or has a null row (the check reports that) */
    private static Grid matrix(double[][] m) {
        return m == null || Arrays.stream(m).anyMatch(row -> row == null) ? null : new Grid(m);
    }

    private static Grid vector(double[] v) {
        return v == null ? null : Grid.row(v);
    }

    /** Collects one scene's blocks while calling the learner's code. */
    private final class Builder {
        private final int number;
        private final Step step;
        private final boolean backward;
        private final List<Scene.Block> blocks = new ArrayList<>();
        private boolean wrong;
        private boolean missing;
        private String hint = "";

        Builder(int number, Step step) {
            this(number, step, false);
        }

        /** A backward pass's scene, numbered after the forward ones in {@link #BACKWARD}'s order. */
        Builder(Step step) {
            this(Step.values().length + BACKWARD.indexOf(step) + 1, step, true);
        }

        private Builder(int number, Step step, boolean backward) {
            this.number = number;
            this.step = step;
            this.backward = backward;
        }

        // After a wrong result the lecture's narrative stops: only the result, the expected values and the hint.
        void text(String text) {
            show(new Scene.Text(text));
        }

        void calculation(String text) {
            show(new Scene.Calculation(text, null));
        }

        void calculation(String text, Scene.Window window) {
            show(new Scene.Calculation(text, window));
        }

        void input(String caption, Grid values, int window) {
            show(new Scene.Heatmap(caption, values, null, window));
        }

        void table(String caption, List<String> header, List<List<String>> rows) {
            show(new Scene.Table(caption, header, rows));
        }

        private void show(Scene.Block block) {
            if (!wrong) {
                blocks.add(block);
            }
        }

        /**
         * Calls the learner, shows the result against {@code expected}, and judges it.
         *
         * @param method the {@code cnn} method called, e.g. {@code "pool"} (for the mistake recogniser)
         * @param inputs its arguments as grids (for the mistake recogniser)
         */
        <T> void check(
                String caption,
                String method,
                List<Grid> inputs,
                Callable<T> call,
                Function<T, Grid> toGrid,
                Grid expected) {
            if (wrong) {
                return;
            }
            observer.accept(new Check(step, method, List.copyOf(inputs)));
            Outcome<T> outcome = Bounded.call(call, timeout);
            if (outcome instanceof Outcome.Returned<T> r) {
                Grid actual = r.value() == null ? null : toGrid.apply(r.value());
                if (actual == null) {
                    fail("your code returned null (or an array with a null row)", expected);
                } else if (actual.matches(expected)) {
                    blocks.add(new Scene.Heatmap(caption, actual, expected, 0));
                } else {
                    blocks.add(new Scene.Heatmap(caption, actual, expected, 0));
                    fail(Arithmetic.difference(actual, expected), expected);
                    if (hint.isEmpty()) {
                        hint = recogniser
                                .recognise(step, method, inputs, actual)
                                .filter(id -> !recogniser.hint(id).isEmpty())
                                .map(id -> recogniser.hint(id) + " [" + id + "]")
                                .orElse("compare your result with the expected one cell by cell, and redo that cell's "
                                        + "arithmetic by hand as the lines above do.");
                    }
                }
            } else if (outcome instanceof Outcome.NotImplemented<T> n) {
                if (!missing) { // once per scene is enough
                    text(
                            notCompiled.containsKey(step)
                                    ? String.join("\n  ", notCompiled.get(step))
                                    : n.message().contains("not implemented")
                                            ? n.message()
                                            : "Not implemented yet: " + n.message());
                }
                missing = true;
                blocks.add(new Scene.Heatmap(
                        caption.replaceFirst("^your ", "") + " (reference values)", expected, null, 0));
            } else {
                fail("your code " + outcome.describe(), expected);
            }
        }

        /** Shows the expected values beside the learner's result, then why the step is wrong. */
        private void fail(String why, Grid expected) {
            blocks.add(new Scene.Heatmap("expected", expected, null, 0));
            text(why);
            wrong = true;
        }

        Scene build(String name) {
            Verdict verdict = wrong
                    ? Verdict.WRONG
                    : !missing
                            ? Verdict.RIGHT
                            : notCompiled.containsKey(step) ? Verdict.DOES_NOT_COMPILE : Verdict.NOT_IMPLEMENTED;
            String label = backward ? step.backwardLabel().orElseThrow() : step.label();
            return new Scene(number, step, backward, label + " — " + name, blocks, verdict, hint);
        }
    }
}
