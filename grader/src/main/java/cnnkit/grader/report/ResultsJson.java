package cnnkit.grader.report;

import cnnkit.grader.common.StudentText;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.GradeStatus;
import cnnkit.grader.score.ScoredCheck;
import cnnkit.grader.score.StepScore;
import cnnkit.lecture.Step;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <id>/results.json} in Gradescope's format (score, execution_time, output, tests[] with name, number,
 * score, max_score, status, output, visibility). Tests are grouped by step: the name starts with the step and the
 * number is {@code <step>.<check>} (e.g. "1.3"). {@code execution_time} is the only field that differs between
 * two gradings of the same submission. The visibility chosen ({@link Presentation}) is that of every test and of
 * the results as a whole; unless it is {@code visible}, the top-level output says neither the score nor any step's
 * points.
 */
public final class ResultsJson {
    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ResultsJson() {}

    /**
     * What students are shown on Gradescope (options of {@code grade}, set by the Gradescope autograder zip).
     *
     * @param visibility Gradescope visibility of each check and of the results as a whole: visible, after_due_date,
     *                   hidden, after_published
     * @param stepOutput whether a failed check's output (input, expected, actual, hint) is included
     */
    public record Presentation(String visibility, boolean stepOutput) {
        /** The visibilities Gradescope accepts for a test (declared first: DEFAULT's constructor reads it). */
        public static final List<String> VISIBILITIES =
                List.of("visible", "after_due_date", "hidden", "after_published");
        /** Everything visible, with each check's output. */
        public static final Presentation DEFAULT = new Presentation("visible", true);

        public Presentation {
            if (!VISIBILITIES.contains(visibility)) {
                throw new IllegalArgumentException(
                        "visibility must be one of " + VISIBILITIES + ", not '" + visibility + "'");
            }
        }
    }

    /**
     * @param file  where to write
     * @param grade the submission's grade
     * @param hints misconception hints
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Grade grade, HintSource hints) throws IOException {
        write(file, grade, hints, Presentation.DEFAULT);
    }

    /**
     * @param file         where to write
     * @param grade        the submission's grade
     * @param hints        misconception hints
     * @param presentation the checks' visibility and whether their output is shown
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Grade grade, HintSource hints, Presentation presentation) throws IOException {
        Files.writeString(file, text(grade, hints, presentation), StandardCharsets.UTF_8);
    }

    /** @return the JSON text, at most {@link ReportLimit#MAX_BYTES} of UTF-8 */
    static String text(Grade grade, HintSource hints, Presentation presentation) {
        Map<String, Object> json = toJson(grade, hints, presentation);
        String text = GSON.toJson(json) + "\n";
        // Too large only with very many long failures: the tests' outputs are cut, ever shorter, until it fits.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tests = (List<Map<String, Object>>) json.get("tests");
        List<String> outputs = tests.stream().map(t -> (String) t.get("output")).toList();
        for (int budget = 64 * 1024; bytes(text) > ReportLimit.MAX_BYTES; budget /= 2) {
            json.put("output", ReportLimit.markdown((String) json.get("output"), Math.max(budget, 4096)));
            for (int i = 0; i < tests.size(); i++) {
                tests.get(i).put("output", budget < 4096 ? "" : ReportLimit.markdown(outputs.get(i), budget));
            }
            text = GSON.toJson(json) + "\n";
            if (budget < 4096) {
                break; // only names and numbers left: 10,000s of tests would be needed to pass 1 MiB
            }
        }
        return text;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    static Map<String, Object> toJson(Grade grade, HintSource hints) {
        return toJson(grade, hints, Presentation.DEFAULT);
    }

    static Map<String, Object> toJson(Grade grade, HintSource hints, Presentation presentation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("score", Points.round(grade.score()));
        json.put("execution_time", Math.round(grade.seconds()));
        json.put(
                "output",
                presentation.visibility().equals("visible")
                        ? overview(grade)
                        : withheld(grade, presentation.visibility()));
        json.put("output_format", "md");
        json.put("test_output_format", "md");
        json.put("visibility", presentation.visibility());
        json.put("stdout_visibility", "hidden");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("submission", grade.id());
        extra.put("status", grade.status().toString());
        json.put("extra_data", extra);
        List<Map<String, Object>> tests = new ArrayList<>();
        int[] numbers = new int[Step.values().length];
        for (ScoredCheck c : grade.checks()) {
            Step step = c.result().step();
            StepScore stepScore = grade.step(step);
            Map<String, Object> test = new LinkedHashMap<>();
            test.put(
                    "name",
                    Describe.step(grade.assignment(), step) + ": "
                            + StudentText.line(c.result().displayName()));
            test.put("number", (step.ordinal() + 1) + "." + (++numbers[step.ordinal()]));
            test.put("score", Points.round(c.earned()));
            test.put("max_score", Points.round(c.max()));
            test.put(
                    "status",
                    c.earned() > 0 || c.result().passed() && stepScore.stubbed().isEmpty() ? "passed" : "failed");
            test.put("output", c.result().passed() || !presentation.stepOutput() ? "" : Describe.check(c, hints));
            test.put("output_format", "md");
            test.put("tags", List.of(step.className()));
            test.put("visibility", presentation.visibility());
            tests.add(test);
        }
        json.put("tests", tests);
        return json;
    }

    /**
     * The top of the results page when the results are not to be shown yet: no score, no step, no check; only that
     * the hand-in was graded, or why it could not be (an unreadable archive or no sources, which the student can
     * fix by handing in again).
     */
    private static String withheld(Grade grade, String visibility) {
        String when = switch (visibility) {
            case "after_due_date" -> "after the due date";
            case "after_published" -> "when the grades are published";
            default -> "by your instructor";
        };
        String md =
                "Your submission was received and graded; the score and the checks' results are shown " + when + ".\n";
        boolean unreadable = grade.status() == GradeStatus.REJECTED || grade.status() == GradeStatus.NO_SOURCES;
        return unreadable
                ? md + "\nBut it could not be graded as handed in (" + grade.status() + "): "
                        + StudentText.markdownInline(grade.reason()) + "\n"
                : md;
    }

    /** The top of the results page: the step table and why steps were not graded. */
    private static String overview(Grade grade) {
        StringBuilder md = new StringBuilder();
        md.append("Score ")
                .append(Points.format(grade.score()))
                .append(" / ")
                .append(Points.format(grade.maxScore()))
                .append(" (")
                .append(grade.status())
                .append(")\n");
        if (!grade.reason().isEmpty()) {
            md.append("\n").append(StudentText.markdownInline(grade.reason())).append("\n");
        }
        for (StepScore s : grade.units()) {
            md.append("\n- ")
                    .append(Describe.step(grade.assignment(), s.step()))
                    .append(": ")
                    .append(Points.format(s.earned()))
                    .append(" / ")
                    .append(Points.format(s.max()));
            if (Describe.perStep(grade) && !s.stubbed().isEmpty()) {
                md.append("\n\n").append(Describe.stubbed(s));
            }
        }
        return md.append("\n").toString();
    }
}
