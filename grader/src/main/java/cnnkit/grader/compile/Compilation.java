package cnnkit.grader.compile;

import cnnkit.lecture.Step;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of compiling one submission.
 *
 * @param classes the compiled classes, stubs in place of the steps that could not be graded
 * @param stubbed each step replaced by its stub, with the reasons for the student (compiler messages, the missing
 *                signature, a forbidden call, "not found")
 * @param notes   other remarks, e.g. a helper class that did not compile and was left out
 */
public record Compilation(Path classes, Map<Step, List<String>> stubbed, List<String> notes) {
    public Compilation {
        stubbed = Map.copyOf(stubbed);
        notes = List.copyOf(notes);
    }

    /** @return the steps whose own code was compiled and will be run */
    public Set<Step> studentSteps() {
        Set<Step> steps = EnumSet.allOf(Step.class);
        steps.removeAll(stubbed.keySet());
        return steps;
    }
}
