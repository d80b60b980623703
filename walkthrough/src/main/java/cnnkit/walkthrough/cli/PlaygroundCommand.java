package cnnkit.walkthrough.cli;

import cnnkit.lecture.LectureData;
import cnnkit.walkthrough.LearnerCode;
import cnnkit.walkthrough.Playground;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code playground}: your own numbers through your own steps, every intermediate result printed. */
@Command(
        name = "playground",
        mixinStandardHelpOptions = true,
        description = {
            "Runs YOUR steps on YOUR numbers and prints every intermediate result: the image and detector through "
                    + "convolution, ReLU, 2x2 max pooling (stride 2) and flattening; with --weights the dense layer "
                    + "and softmax; with --target the loss and its gradient. Nothing is marked right or wrong.",
            "Matrices are CSV files as in lecture-data/: one line per row, numbers separated by commas, # comments."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:every step given ran (or the output says where it stopped)",
            "1:your code cannot be " + "loaded",
            "2:a bad option or a file that cannot be read"
        })
public final class PlaygroundCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--image", paramLabel = "CSV", required = true, description = "the input image")
    Path image;

    @Option(names = "--detector", paramLabel = "CSV", required = true, description = "the feature detector")
    Path detector;

    @Option(names = "--stride", paramLabel = "N", description = "the convolution's stride (default: 1)")
    int stride = 1;

    @Option(names = "--padding", paramLabel = "N", description = "the convolution's zero padding (default: 0)")
    int padding;

    @Option(names = "--weights", paramLabel = "CSV", description = "dense weights, one row per output")
    Path weights;

    @Option(names = "--bias", paramLabel = "CSV", description = "dense bias, one line (default: zeros)")
    Path bias;

    @Option(names = "--target", paramLabel = "VALUES", split = ",", description = "one-hot target, e.g. 1,0")
    double[] target;

    @Mixin
    CodeOptions code = new CodeOptions();

    @Mixin
    CallTimeout timeout = new CallTimeout();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String misuse = code.misuse() != null ? code.misuse() : timeout.misuse();
        if (misuse != null) {
            err.println("playground: " + misuse);
            return 2;
        }
        Playground.Inputs inputs;
        try {
            inputs = new Playground.Inputs(
                    LectureData.matrix(image),
                    LectureData.matrix(detector),
                    stride,
                    padding,
                    weights == null ? null : LectureData.matrix(weights),
                    bias == null ? null : row(LectureData.matrix(bias)),
                    target);
        } catch (IllegalArgumentException e) {
            err.println("playground: " + e.getMessage());
            return 2;
        }
        try {
            try (LearnerCode learner = code.open(out)) {
                learner.notCompiled().forEach((step, messages) -> {
                    out.println(step.sourceFile() + " does not compile (its stub runs instead):");
                    messages.forEach(line -> out.println("  " + line));
                });
                Duration limit = timeout.limit();
                new Playground(learner.implementation(), limit).run(inputs).forEach(out::println);
            }
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            err.println("playground: " + e.getMessage());
            return 1;
        }
    }

    private static double[] row(double[][] m) {
        if (m.length != 1) {
            throw new IllegalArgumentException("--bias should be one line of numbers, not " + m.length + " lines");
        }
        return Arrays.copyOf(m[0], m[0].length);
    }
}
