package cnnkit.grader.collect;

import cnnkit.lecture.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code cnn} sources found in a submission.
 *
 * @param steps   each step's source file found (a step may be missing)
 * @param helpers other classes of package {@code cnn} the student wrote (allowed)
 * @param ignored what was found but not graded, one line each, e.g. "src/test/java/cnn/MyTest.java: a test folder"
 * @param notes   remarks on the files taken, e.g. "Relu.java is not UTF-8; it was read as Windows-1252"
 */
public record Sources(Map<Step, Path> steps, List<Path> helpers, List<String> ignored, List<String> notes) {
    public Sources {
        steps = Map.copyOf(steps);
        helpers = List.copyOf(helpers);
        ignored = List.copyOf(ignored);
        notes = List.copyOf(notes);
    }

    /** @return true if no source of package {@code cnn} was found */
    public boolean isEmpty() {
        return steps.isEmpty() && helpers.isEmpty();
    }
}
