package cnnkit.grader.report;

import cnnkit.grader.common.StudentText;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.ScoredCheck;
import cnnkit.grader.score.StepScore;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code <id>/feedback.md}, what the student reads: the score per step, then per step why it was not graded
 * (compiler messages, missing signatures) or which checks failed with input, expected, actual and the hint of the
 * recognised misconception; then what the code printed and which files were ignored.
 */
public final class Feedback {
    /** The file's name in a submission's folder. */
    public static final String FILE = "feedback.md";

    private Feedback() {}

    /**
     * @param file  where to write
     * @param grade the submission's grade
     * @param hints misconception hints
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Grade grade, HintSource hints) throws IOException {
        Files.writeString(file, text(grade, hints), StandardCharsets.UTF_8);
    }

    /** @return the feedback, at most {@link ReportLimit#MAX_BYTES} of UTF-8 */
    static String text(Grade grade, HintSource hints) {
        return ReportLimit.markdown(full(grade, hints), ReportLimit.MAX_BYTES);
    }

    private static String full(Grade grade, HintSource hints) {
        StringBuilder md = new StringBuilder();
        md.append("# Feedback for ")
                .append(StudentText.markdownInline(grade.id()))
                .append("\n\n**Score: ")
                .append(Points.format(grade.score()))
                .append(" / ")
                .append(Points.format(grade.maxScore()))
                .append("** (")
                .append(grade.status())
                .append(")\n\n");
        if (!grade.reason().isEmpty()) {
            md.append(StudentText.markdownInline(grade.reason())).append("\n\n");
        }
        md.append("| Step | Points | Checks passed |\n|---|---|---|\n");
        for (StepScore s : grade.units()) {
            long checks = grade.checks().stream()
                    .filter(c -> c.result().step() == s.step())
                    .count();
            long passed = grade.checks().stream()
                    .filter(c -> c.result().step() == s.step() && c.earned() > 0)
                    .count();
            md.append("| ")
                    .append(Describe.step(grade.assignment(), s.step()))
                    .append(" | ")
                    .append(Points.format(s.earned()))
                    .append(" / ")
                    .append(Points.format(s.max()))
                    .append(" | ")
                    .append(passed)
                    .append(" of ")
                    .append(checks)
                    .append(" |\n");
        }
        if (Describe.perStep(grade)) {
            for (StepScore s : grade.units()) {
                stepSection(md, grade, s, hints);
            }
        }
        section(md, "Notes", list(grade.notes()));
        if (!grade.output().isBlank()) {
            section(
                    md,
                    "What your code printed while tested",
                    StudentText.markdownBlock(grade.output().strip(), Grade.MAX_OUTPUT)
                            .stripTrailing());
        }
        section(md, "Ignored (not graded)", list(grade.ignored()));
        return md.toString();
    }

    /** @return one Markdown list item per line of text, each escaped */
    private static String list(List<String> lines) {
        return String.join(
                "\n",
                lines.stream()
                        .map(line -> "- " + StudentText.markdownInline(line))
                        .toList());
    }

    private static void stepSection(StringBuilder md, Grade grade, StepScore s, HintSource hints) {
        Step step = s.step();
        md.append("\n## ")
                .append(Describe.step(grade.assignment(), step))
                .append(": ")
                .append(Points.format(s.earned()))
                .append(" / ")
                .append(Points.format(s.max()))
                .append("\n\n");
        if (!s.stubbed().isEmpty()) {
            md.append(Describe.stubbed(s));
            return;
        }
        boolean allPassed = true;
        boolean any = false;
        for (ScoredCheck c : grade.checks()) {
            any |= c.result().step() == step;
            if (c.result().step() == step && !c.result().passed()) {
                allPassed = false;
                md.append("### ✗ ")
                        .append(StudentText.markdownInline(c.result().displayName()))
                        .append("\n\n")
                        .append(Describe.check(c, hints))
                        .append('\n');
            }
        }
        if (!any) {
            md.append("This step has no hidden checks in the rubric.\n");
        } else if (allPassed) {
            md.append("All checks passed.\n");
        }
    }

    private static void section(StringBuilder md, String title, String body) {
        if (!body.isBlank()) {
            md.append("\n## ").append(title).append("\n\n").append(body).append('\n');
        }
    }
}
