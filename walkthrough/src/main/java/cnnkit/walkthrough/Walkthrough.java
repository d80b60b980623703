package cnnkit.walkthrough;

import cnnkit.lecture.LectureData;
import cnnkit.lecture.Step;
import cnnkit.walkthrough.Scene.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Replays the lecture's example on the learner's code, one {@link Scene} per step in lecture order.
 *
 * <p>Every step gets the lecture's own inputs (the reference output of the step before), so a step can be
 * explored even when an earlier one is not implemented yet. The walk stops at the first wrong step: what follows
 * would build on a result the learner has not got.
 */
public final class Walkthrough {
    /** Number of scenes, one per {@link Step}. */
    public static final int SCENES = Step.values().length;

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

    /** @return the scenes in lecture order, up to and including the first wrong one */
    public List<Scene> walk() {
        List<Scene> scenes = new ArrayList<>();
        for (Step step : Step.values()) {
            Scene s = scene(step);
            scenes.add(s);
            if (s.verdict() == Verdict.WRONG) {
                break;
            }
        }
        return scenes;
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
        String[] names = {"Dog", "Cat"};
        double[] scores = LectureData.denseScores();
        for (int o = 0; o < weights.length; o++) {
            b.calculation(names[o % 2] + ": " + Arithmetic.weightedSum(weights[o], input, bias[o], scores[o]));
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
        for (String line : Arithmetic.softmax(scores, probabilities, new String[] {"Dog", "Cat"})) {
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
        private final List<Scene.Block> blocks = new ArrayList<>();
        private boolean wrong;
        private boolean missing;
        private String hint = "";

        Builder(int number, Step step) {
            this.number = number;
            this.step = step;
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
            return new Scene(number, step, step.label() + " — " + name, blocks, verdict, hint);
        }
    }
}
