package cnnkit.walkthrough.cli;

import cnnkit.walkthrough.LearnerCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the learner's code is ({@code --classes} or {@code --src}, else as {@link DefaultCode} finds it). */
final class CodeOptions {
    @Option(
            names = "--classes",
            paramLabel = "DIR",
            description = "YOUR compiled classes, e.g. exercises/target/classes (default: as the walkthrough finds "
                    + "your code)")
    Path classes;

    @Option(
            names = "--src",
            paramLabel = "DIR",
            description = "YOUR sources, e.g. exercises/src/main/java, compiled first as the grader compiles them")
    Path src;

    /** @return why these options cannot be used together, or null */
    String misuse() {
        return classes != null && src != null ? "give --classes or --src, not both" : null;
    }

    /**
     * @param out told in one line when the sources are compiled, and why
     * @return the learner's code from the given folder, or the one {@link DefaultCode} chooses
     */
    LearnerCode open(PrintWriter out) throws IOException {
        if (classes == null && src == null) {
            DefaultCode where = DefaultCode.choose(out);
            return LearnerCode.open(where.classes(), where.src());
        }
        return LearnerCode.open(classes, src);
    }
}
