package cnnkit.grader.report;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.common.StudentText;
import cnnkit.grader.run.CheckResult;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.GradeStatus;
import cnnkit.grader.score.ScoredCheck;
import cnnkit.grader.score.StepScore;
import cnnkit.lecture.Step;

/**
 * The words for checks and steps shared by {@code feedback.md} and {@code results.json} (Markdown). Every text that
 * is not the report's own goes through {@link StudentText}: escaped on a line, fenced in a block.
 */
final class Describe {
    private Describe() {}

    /** @return e.g. "Step 1 — Convolution" */
    static String step(Step step) {
        return step(Assignment.FORWARD, step);
    }

    /** @return e.g. "Step 1 — Convolution", or in Part 2 "Back 1 — ConvolutionBackward" */
    static String step(Assignment assignment, Step step) {
        return assignment.label(step) + " — " + assignment.unit(step).orElse(step.className());
    }

    /** @return why a check did not pass, with input, expected, actual and the hint; empty if it passed */
    static String check(ScoredCheck check, HintSource hints) {
        CheckResult r = check.result();
        if (r.passed()) {
            return "";
        }
        StringBuilder md = new StringBuilder();
        md.append(r.status() == CheckResult.Status.FAILED ? "" : "**" + r.status() + "** ")
                .append(StudentText.markdownInline(r.message()))
                .append('\n');
        block(md, "Input", r.input());
        block(md, "Expected", r.expected());
        block(md, "Your result", r.actual());
        hints.hint(r.misconception())
                .ifPresent(h -> md.append("\n**Hint:** ").append(h).append('\n'));
        return md.toString();
    }

    /** @return true if the grade has per-step reasons worth showing (not a rejected or empty submission) */
    static boolean perStep(Grade grade) {
        return grade.status() == GradeStatus.GRADED || grade.status() == GradeStatus.COMPILE_ERROR;
    }

    /** @return the reasons a step was replaced by its stub, as Markdown; empty if it ran */
    static String stubbed(StepScore step) {
        if (step.stubbed().isEmpty()) {
            return "";
        }
        return "Your " + step.step().sourceFile() + " was not graded; the exercise stub took its place, so this "
                + "step scores 0:\n\n"
                + StudentText.markdownBlock(String.join("\n", step.stubbed()), 4 * StudentText.MAX_CHARS);
    }

    private static void block(StringBuilder md, String title, String text) {
        if (!text.isEmpty()) {
            md.append("\n").append(title).append(":\n").append(StudentText.markdownBlock(text, text.length()));
        }
    }
}
