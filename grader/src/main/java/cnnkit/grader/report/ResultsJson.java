package cnnkit.grader.report;

import cnnkit.grader.Step;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.ScoredCheck;
import cnnkit.grader.score.StepScore;
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
 * two gradings of the same submission.
 */
public final class ResultsJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ResultsJson() {
    }

    /**
     * @param file  where to write
     * @param grade the submission's grade
     * @param hints misconception hints
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Grade grade, HintSource hints) throws IOException {
        Files.writeString(file, GSON.toJson(toJson(grade, hints)) + "\n", StandardCharsets.UTF_8);
    }

    static Map<String, Object> toJson(Grade grade, HintSource hints) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("score", Points.round(grade.score()));
        json.put("execution_time", Math.round(grade.seconds()));
        json.put("output", overview(grade));
        json.put("output_format", "md");
        json.put("test_output_format", "md");
        json.put("visibility", "visible");
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
            test.put("name", Describe.step(step) + ": " + c.result().displayName());
            test.put("number", (step.ordinal() + 1) + "." + (++numbers[step.ordinal()]));
            test.put("score", Points.round(c.earned()));
            test.put("max_score", Points.round(c.max()));
            test.put("status", c.earned() > 0 || c.result().passed() && stepScore.stubbed().isEmpty()
                ? "passed" : "failed");
            test.put("output", c.result().passed() ? "" : Describe.check(c, hints));
            test.put("output_format", "md");
            test.put("tags", List.of(step.className()));
            test.put("visibility", "visible");
            tests.add(test);
        }
        json.put("tests", tests);
        return json;
    }

    /** The top of the results page: the step table and why steps were not graded. */
    private static String overview(Grade grade) {
        StringBuilder md = new StringBuilder();
        md.append("Score ").append(Points.format(grade.score())).append(" / ").append(Points.format(grade.maxScore()))
            .append(" (").append(grade.status()).append(")\n");
        if (!grade.reason().isEmpty()) {
            md.append("\n").append(grade.reason()).append("\n");
        }
        for (StepScore s : grade.steps()) {
            md.append("\n- ").append(Describe.step(s.step())).append(": ").append(Points.format(s.earned()))
                .append(" / ").append(Points.format(s.max()));
            if (Describe.perStep(grade) && !s.stubbed().isEmpty()) {
                md.append("\n\n").append(Describe.stubbed(s));
            }
        }
        return md.append("\n").toString();
    }
}
