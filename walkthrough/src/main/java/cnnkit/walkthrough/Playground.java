package cnnkit.walkthrough;

import cnnkit.lecture.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The learner's own numbers through the learner's own steps, every intermediate result shown: an image and a
 * feature detector through convolution, ReLU, 2x2 max pooling and flattening, then, given weights, the dense layer
 * and softmax, and, given a target, the loss and its gradient. Nothing here is compared with a right answer (there
 * is none for numbers of one's own): it shows what the learner's code does, as printing arrays in a notebook would.
 *
 * <pre>
 *   new Playground(learner, Duration.ofSeconds(10)).run(new Playground.Inputs(image, detector, 1, 0, null, null, null));
 * </pre>
 */
public final class Playground {
    /**
     * The learner's numbers.
     *
     * @param image    the input image
     * @param detector the feature detector
     * @param stride   the convolution's stride
     * @param padding  the convolution's zero padding
     * @param weights  the dense layer's weights, {@code [output][input]}, or null to stop after flattening
     * @param bias     the dense layer's bias, or null for zeros
     * @param target   the one-hot target for the loss, or null to stop after softmax
     */
    public record Inputs(
            double[][] image,
            double[][] detector,
            int stride,
            int padding,
            double[][] weights,
            double[] bias,
            double[] target) {}

    private final Implementation learner;
    private final Duration timeout;

    /**
     * @param learner the learner's steps
     * @param timeout the limit of each call into them
     */
    public Playground(Implementation learner, Duration timeout) {
        this.learner = learner;
        this.timeout = timeout;
    }

    /** @return the lines to print: each step's name, the call made and what the learner's code returned */
    public List<String> run(Inputs in) {
        List<String> out = new ArrayList<>();
        out.add("your image " + new Grid(in.image()).shape() + ":");
        out.addAll(lines(new Grid(in.image())));
        out.add("your feature detector " + new Grid(in.detector()).shape() + ":");
        out.addAll(lines(new Grid(in.detector())));
        double[][] map = step(
                out,
                Step.CONVOLUTION,
                "convolve(image, detector, stride " + in.stride() + ", padding " + in.padding() + ")",
                () -> learner.convolve(in.image(), in.detector(), in.stride(), in.padding()),
                Grid::new);
        double[][] rectified =
                map == null ? null : step(out, Step.RELU, "apply(feature map)", () -> learner.relu(map), Grid::new);
        double[][] pooled = rectified == null
                ? null
                : step(
                        out,
                        Step.MAX_POOLING,
                        "pool(rectified map), 2x2 windows," + " stride 2",
                        () -> learner.pool(rectified),
                        Grid::new);
        double[] vector = pooled == null
                ? null
                : step(out, Step.FLATTENING, "flatten(pooled map)", () -> learner.flatten(pooled), Grid::row);
        if (vector == null || in.weights() == null) {
            if (vector != null) {
                out.add("");
                out.add("Give --weights (one row per output, " + vector.length + " values each) to go on through "
                        + "the dense layer and softmax.");
            }
            return out;
        }
        double[] bias = in.bias() != null ? in.bias() : new double[in.weights().length];
        double[] scores = step(
                out,
                Step.FULL_CONNECTION,
                "forward(vector, weights, bias)",
                () -> learner.forward(vector, in.weights(), bias),
                Grid::row);
        double[] probabilities = scores == null
                ? null
                : step(out, Step.SOFTMAX, "apply(scores)", () -> learner.softmax(scores), Grid::row);
        if (probabilities != null && in.target() != null) {
            step(
                    out,
                    Step.CROSS_ENTROPY,
                    "loss(probabilities, target)",
                    () -> learner.loss(probabilities, in.target()),
                    Grid::scalar);
            step(
                    out,
                    Step.CROSS_ENTROPY,
                    "gradient(scores, target): y − t",
                    () -> learner.gradient(scores, in.target()),
                    Grid::row);
        }
        return out;
    }

    /** @return what the learner's step returned, shown in {@code out}; null (and why, shown) if it did not return */
    private <T> T step(List<String> out, Step step, String call, Callable<T> code, Function<T, Grid> shown) {
        out.add("");
        out.add("== " + step.label() + " — " + step.className() + "." + call);
        Outcome<T> outcome = Bounded.call(code, timeout);
        String why;
        if (outcome instanceof Outcome.Returned<T> r && r.value() != null) {
            try {
                Grid grid = shown.apply(r.value());
                List<String> rows = lines(grid);
                out.add("your result " + grid.shape() + ":");
                out.addAll(rows);
                return r.value();
            } catch (RuntimeException e) { // rows of different lengths, a null row, no rows at all
                why = "returned an array that is empty, ragged or holds null";
            }
        } else {
            why = outcome instanceof Outcome.Returned<T> ? "returned null" : outcome.describe();
        }
        out.add("your code " + why);
        out.add("The steps after this one need its result: the playground stops here.");
        return null;
    }

    /** @return the grid's rows, its numbers right-aligned as the walkthrough writes them */
    private static List<String> lines(Grid g) {
        int width = 1;
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.cols(); c++) {
                width = Math.max(width, Grid.format(g.get(r, c)).length());
            }
        }
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < g.rows(); r++) {
            StringBuilder line = new StringBuilder(" ");
            for (int c = 0; c < g.cols(); c++) {
                line.append(' ').append(String.format("%" + width + "s", Grid.format(g.get(r, c))));
            }
            rows.add(line.toString());
        }
        return rows;
    }
}
