package cnnkit.walkthrough.cli;

import cnnkit.lecture.Step;
import cnnkit.walkthrough.HtmlPage;
import cnnkit.walkthrough.Implementation;
import cnnkit.walkthrough.LearnerCode;
import cnnkit.walkthrough.LectureAnswers;
import cnnkit.walkthrough.Scene;
import cnnkit.walkthrough.TerminalView;
import cnnkit.walkthrough.Walkthrough;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code walkthrough}: replays the lecture's example on the learner's compiled code, step by step. */
@Command(
        name = "walkthrough",
        mixinStandardHelpOptions = true,
        description = {
            "Replays the lecture's example on your code: the 7x7 image and 3x3 detector, ReLU, max pooling, "
                    + "flattening, the dense layer, softmax, cross-entropy and the NN1/NN2 error measures; then "
                    + "backwards (Part 2): the gradient y - t through each step's backward pass back to the image.",
            "Each step is compared with the lecture; the walk stops at the first wrong step with a hint. Steps not "
                    + "implemented yet are shown as such and the walk goes on with the lecture's values."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:the walk ran (whatever your code got right)",
            "1:your classes or sources could not be found or read",
            "2:a bad option"
        })
public final class WalkthroughCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CodeOptions code = new CodeOptions();

    @Option(names = "--reference", description = "a demo instead of your code: the walk on the lecture's own results")
    boolean reference;

    @Option(
            names = "--step",
            paramLabel = "STEP",
            description = "show only this step, numbered as the lecture: 1, 1b, 2, 3, 4, E1, E2, E3 (or its name, "
                    + "e.g. MaxPooling), or only this backward pass: BE1, B4, B3, B2, B1b, B1 (or e.g. "
                    + "MaxPoolingBackward)")
    String step;

    @Option(
            names = "--speed",
            paramLabel = "FACTOR",
            defaultValue = "0",
            description = "animation delay factor: 0 no animation, 1 the lecture's pace, 2 slower (default: "
                    + "${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--no-color", description = "no ANSI colours (also off when the output is not a terminal)")
    boolean noColor;

    @Option(names = "--html", paramLabel = "FILE", description = "also write the walk as one self-contained HTML page")
    Path html;

    @Mixin
    CallTimeout timeout = new CallTimeout();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Step> only = Optional.ofNullable(step).flatMap(Step::byLabel);
        Optional<Step> onlyBackward =
                only.isPresent() ? Optional.empty() : Optional.ofNullable(step).flatMap(Walkthrough::backwardStep);
        if (step != null && only.isEmpty() && onlyBackward.isEmpty()) {
            err.println("--step " + step + " is no step of the lecture: give one of " + Step.numbers() + " (or a name: "
                    + Step.names() + "), or a backward pass: " + Walkthrough.backwardNumbers());
            return 2;
        }
        if (timeout.misuse() != null || !(speed >= 0)) {
            err.println("--timeout must be more than 0 and --speed at least 0");
            return 2;
        }
        if (code.misuse() != null) {
            err.println(code.misuse());
            return 2;
        }
        LearnerCode learnerCode = null;
        try {
            Implementation learner = LectureAnswers.INSTANCE;
            if (!reference) {
                learnerCode = code.open(out);
                learner = learnerCode.implementation();
            }
            Walkthrough walk = new Walkthrough(
                    learner, timeout.limit(), learnerCode == null ? Map.of() : learnerCode.notCompiled());
            List<Scene> scenes = only.map(s -> List.of(walk.scene(s)))
                    .or(() -> onlyBackward.map(s -> List.of(walk.backwardScene(s))))
                    .orElseGet(walk::walk);
            boolean terminal = System.console() != null;
            new TerminalView(out, terminal && !noColor, terminal ? speed : 0, TerminalView.Pause.SLEEP).show(scenes);
            if (html != null) {
                Files.writeString(
                        html,
                        HtmlPage.render(
                                scenes,
                                reference ? "the lecture's results (demo)" : learnerCode.origin(),
                                HtmlPage.trainingPageBeside(html)),
                        StandardCharsets.UTF_8);
                out.println();
                out.println("Wrote " + html);
            }
            out.flush();
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            err.println("walkthrough: " + e.getMessage());
            return 1;
        } finally {
            if (learnerCode != null) {
                learnerCode.close();
            }
        }
    }
}
