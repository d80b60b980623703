package cnnkit.grader.compile;

import cnnkit.grader.common.StudentText;
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
    /** Most reasons kept per replaced step. */
    static final int MAX_REASONS = 20;

    /** Reasons and notes quote the student's code: each is capped, and there are at most a few per step. */
    public Compilation {
        Map<Step, List<String>> capped = new java.util.EnumMap<>(Step.class);
        stubbed.forEach((step, reasons) -> capped.put(
                step, reasons.stream().limit(MAX_REASONS).map(StudentText::cap).toList()));
        stubbed = Map.copyOf(capped);
        notes = notes.stream().map(StudentText::cap).toList();
    }

    /** @return the steps whose own code was compiled and will be run */
    public Set<Step> studentSteps() {
        Set<Step> steps = EnumSet.allOf(Step.class);
        steps.removeAll(stubbed.keySet());
        return steps;
    }
}
