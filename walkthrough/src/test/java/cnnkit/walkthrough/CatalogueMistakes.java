package cnnkit.walkthrough;

import cnnkit.hidden.support.BackwardWrongOracles;
import cnnkit.hidden.support.Misconceptions;
import cnnkit.hidden.support.Wrong;
import cnnkit.hidden.support.WrongOracles;
import cnnkit.lecture.Step;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The grader's misconception catalogue as the walk's {@link MistakeRecogniser}: the learner's result is compared with
 * what each of the catalogue's wrong oracles ({@link WrongOracles}, {@link BackwardWrongOracles}) gives on the walk's inputs, exactly as the hidden
 * tests recognise a mistake. Ids and hints are the catalogue's ({@code cnnkit/misconceptions.csv}).
 *
 * <p>Test and build code only (the oracles never reach the learners' jar): {@link MistakeTableWriter} writes what it
 * gives on the walk's inputs into the {@link MistakeTable} that the jar ships.
 *
 * <p>The walk calls each step the lecture's way, so the oracles get the lecture's settings: stride 1 and no padding
 * for the convolution, 2x2 windows moved by 2 for pooling.
 */
public final class CatalogueMistakes implements MistakeRecogniser {
    private final Misconceptions catalogue = Misconceptions.load();

    @Override
    public Optional<String> recognise(Step step, String method, List<Grid> in, Grid actual) {
        return all(step, method, in).stream()
                .filter(w -> actual.matches(grid(w.output())))
                .map(Wrong::misconception)
                .findFirst();
    }

    @Override
    public String hint(String misconception) {
        return catalogue.hint(misconception);
    }

    /** What every catalogue mistake of this step gives for one check of the walk, in the catalogue's order. */
    static List<Wrong> all(Step step, String method, List<Grid> in) {
        return step == Step.ERROR_MEASURES ? bothNetworks(method, in) : wrongs(step, method, in);
    }

    /** What the catalogue's mistakes of this step give for one call of {@code method} on {@code in}. */
    private static List<Wrong> wrongs(Step step, String method, List<Grid> in) {
        return switch (method) {
            case "convolve" ->
                WrongOracles.convolve(in.get(0).matrix(), in.get(1).matrix(), 1, 0);
            case "apply" ->
                step == Step.RELU
                        ? WrongOracles.relu(in.get(0).matrix())
                        : WrongOracles.softmax(in.get(0).vector());
            case "pool" -> WrongOracles.pool(in.get(0).matrix(), 2, 2);
            case "flatten" -> WrongOracles.flatten(in.get(0).matrix());
            case "forward" ->
                WrongOracles.forward(
                        in.get(0).vector(), in.get(1).matrix(), in.get(2).vector());
            case "loss" -> WrongOracles.loss(in.get(0).vector(), in.get(1).vector());
            case "gradient" ->
                WrongOracles.gradient(in.get(0).vector(), in.get(1).vector());
            case "backward" -> backward(step, in);
            case "weightGradient" ->
                BackwardWrongOracles.weightGradient(
                        in.get(0).vector(), in.get(1).vector());
            case "detectorGradient" ->
                BackwardWrongOracles.detectorGradient(
                        in.get(0).matrix(), in.get(1).matrix(), in.get(2).matrix(), 1, 0);
            case "imageGradient" ->
                BackwardWrongOracles.imageGradient(
                        in.get(0).matrix(), in.get(1).matrix(), in.get(2).matrix(), 1, 0);
            default -> List.of();
        };
    }

    /** The backward passes the walk calls {@code backward} (ReLU's and max pooling's; softmax's has no mistakes). */
    private static List<Wrong> backward(Step step, List<Grid> in) {
        return switch (step) {
            case RELU ->
                BackwardWrongOracles.reluBackward(in.get(0).matrix(), in.get(1).matrix());
            case MAX_POOLING ->
                BackwardWrongOracles.poolBackward(in.get(0).matrix(), in.get(1).matrix(), 2, 2);
            default -> List.of();
        };
    }

    /**
     * The walk checks an error measure on NN1 and NN2 at once (inputs: NN1 predicted, NN1 actual, NN2 predicted,
     * NN2 actual): each mistake's row is (its value on NN1, its value on NN2).
     */
    private static List<Wrong> bothNetworks(String method, List<Grid> in) {
        List<Wrong> nn1 = measure(method, in.get(0), in.get(1));
        List<Wrong> nn2 = measure(method, in.get(2), in.get(3));
        return IntStream.range(0, nn1.size())
                .mapToObj(i -> new Wrong(nn1.get(i).misconception(), new double[] {
                    (Double) nn1.get(i).output(), (Double) nn2.get(i).output()
                }))
                .toList();
    }

    private static List<Wrong> measure(String method, Grid predicted, Grid actual) {
        return switch (method) {
            case "classificationError" -> WrongOracles.classificationError(predicted.matrix(), actual.matrix());
            case "meanSquaredError" -> WrongOracles.meanSquaredError(predicted.matrix(), actual.matrix());
            case "crossEntropy" -> WrongOracles.crossEntropy(predicted.matrix(), actual.matrix());
            default -> List.of();
        };
    }

    /** A wrong oracle's output (a number, a vector or a matrix) as the walk's grid. */
    static Grid grid(Object output) {
        if (output instanceof Double d) {
            return Grid.scalar(d);
        }
        if (output instanceof double[] v) {
            return Grid.row(v);
        }
        return new Grid((double[][]) output);
    }
}
