package cnnkit.walkthrough.cli;

import cnnkit.walkthrough.HtmlPage;
import cnnkit.walkthrough.Implementation;
import cnnkit.walkthrough.LearnerCode;
import cnnkit.walkthrough.Reference;
import cnnkit.walkthrough.Scene;
import cnnkit.walkthrough.TerminalView;
import cnnkit.walkthrough.Walkthrough;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code walkthrough}: replays the lecture's example on the learner's compiled code, step by step. */
@Command(name = "walkthrough", mixinStandardHelpOptions = true,
    description = {"Replays the lecture's example on your code: the 7x7 image and 3x3 detector, ReLU, max pooling, "
        + "flattening, the dense layer, softmax, cross-entropy and the NN1/NN2 error measures.",
        "Each step is compared with the lecture; the walk stops at the first wrong step with a hint. Steps not "
            + "implemented yet are shown as such and the walk goes on with the lecture's values."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the walk ran (whatever your code got right)",
        "1:your classes or sources could not be found or read",
        "2:a bad option"})
public final class WalkthroughCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Where compiled classes sit: in this repo (after {@code mvn -pl exercises compile}), then in the handout. */
    static final List<Path> DEFAULT_CLASSES = List.of(Path.of("exercises/target/classes"), Path.of("target/classes"));
    /** Where the sources sit when nothing is compiled yet: in this repo (a fresh clone), then in the handout. */
    static final List<Path> DEFAULT_SOURCES = List.of(Path.of("exercises/src/main/java"), Path.of("src/main/java"));

    @Option(names = "--classes", paramLabel = "DIR",
        description = "your compiled classes of package cnn (default: exercises/target/classes, or target/classes "
            + "in the handout)")
    Path classes;

    @Option(names = "--src", paramLabel = "DIR",
        description = "compile your cnn sources in DIR first (e.g. exercises/src/main/java), as the grader does; "
            + "a step that does not compile is shown with the compiler's message (default when there are no "
            + "compiled classes, or your sources are newer than them)")
    Path src;

    @Option(names = "--reference", description = "walk through the kit's own reference instead of your code (a demo)")
    boolean reference;

    @Option(names = "--step", paramLabel = "N", description = "show only step N (1 to 8)")
    Integer step;

    @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "1",
        description = "animation delay factor: 1 normal, 2 slower, 0 no animation (default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--no-color", description = "no ANSI colours (also off when the output is not a terminal)")
    boolean noColor;

    @Option(names = "--html", paramLabel = "FILE", description = "also write the walk as one self-contained HTML page")
    Path html;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
        description = "time limit for each call into your code (default: ${DEFAULT-VALUE})")
    double timeoutSeconds;

    /**
     * Compiled classes if they are there and up to date, else the sources: a fresh clone has no compiled classes yet,
     * and a learner who edits a step should not walk on yesterday's classes.
     */
    private void chooseDefault(PrintWriter out) throws IOException {
        for (int i = 0; i < DEFAULT_CLASSES.size(); i++) {
            Path compiled = DEFAULT_CLASSES.get(i);
            Path sources = DEFAULT_SOURCES.get(i);
            boolean hasClasses = Files.isDirectory(compiled.resolve("cnn"));
            if (hasClasses && !(Files.isDirectory(sources) && newer(sources, compiled))) {
                classes = compiled;
                return;
            }
            if (Files.isDirectory(sources)) {
                src = sources;
                out.println((hasClasses ? "Your sources in " + sources + " are newer than " + compiled
                    : "No compiled classes in " + compiled) + ": compiling your sources in " + sources
                    + " (as with --src " + sources + ").");
                return;
            }
        }
        classes = DEFAULT_CLASSES.get(0); // its error says what to do
    }

    /** @return whether a {@code .java} file under {@code sources} was changed after every class under {@code classes} */
    private static boolean newer(Path sources, Path classes) throws IOException {
        return latest(sources, ".java").compareTo(latest(classes, ".class")) > 0;
    }

    private static FileTime latest(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            FileTime latest = FileTime.fromMillis(0);
            for (Path f : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                FileTime t = Files.getLastModifiedTime(f);
                latest = t.compareTo(latest) > 0 ? t : latest;
            }
            return latest;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (step != null && (step < 1 || step > Walkthrough.SCENES)) {
            err.println("--step must be 1 to " + Walkthrough.SCENES + ", was " + step);
            return 2;
        }
        if (!(timeoutSeconds > 0) || !(speed >= 0)) {
            err.println("--timeout must be more than 0 and --speed at least 0");
            return 2;
        }
        if (classes != null && src != null) {
            err.println("give --classes or --src, not both");
            return 2;
        }
        LearnerCode code = null;
        try {
            Implementation learner = Reference.INSTANCE;
            if (!reference) {
                if (classes == null && src == null) {
                    chooseDefault(out);
                }
                code = LearnerCode.open(classes, src);
                learner = code.implementation();
            }
            Walkthrough walk = new Walkthrough(learner, Duration.ofMillis(Math.round(timeoutSeconds * 1000)),
                code == null ? Map.of() : code.notCompiled());
            List<Scene> scenes = step == null ? walk.walk() : List.of(walk.scene(step));
            boolean terminal = System.console() != null;
            new TerminalView(out, terminal && !noColor, terminal ? speed : 0, TerminalView.Pause.SLEEP).show(scenes);
            if (html != null) {
                Files.writeString(html, HtmlPage.render(scenes, reference ? "the kit's reference" : code.origin()),
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
            if (code != null) {
                code.close();
            }
        }
    }
}
