package cnnkit.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.run.CheckResult;
import cnnkit.grader.run.CheckResult.Status;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.GradeStatus;
import cnnkit.grader.score.ScoredCheck;
import cnnkit.grader.score.StepScore;
import cnnkit.grader.testing.Markdown;
import cnnkit.lecture.Step;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Reports are bounded and cannot be forged from student text")
class ReportBoundsTest {
    private static final String FORGED_HEADING = "## Step 1(b) — Relu: 8 / 8";
    private static final String FORGED = "\n```\n~~~\n" + FORGED_HEADING + "\n\nAll checks passed.\n";
    private static final HintSource HINTS = HintSource.catalogue();

    @Nested
    @DisplayName("a check result")
    class Results {
        @Test
        @DisplayName("keeps at most 2 KiB of a message and of the student's value, however long they were")
        void capsTexts() {
            CheckResult r = failed("Relu.a", "m".repeat(1 << 20), "a".repeat(1 << 20));
            assertThat(r.message()).hasSizeLessThan(2100);
            assertThat(r.actual()).hasSizeLessThan(2100);
        }
    }

    @Nested
    @DisplayName("feedback.md")
    class FeedbackFile {
        @Test
        @DisplayName("shows a message's forged heading and fence as text, never as Markdown")
        void noInjection() {
            Grade g = grade(List.of(failed("Relu.a", FORGED, FORGED)), List.of("a\n# file.java"));
            String md = Feedback.text(g, HINTS);
            assertThat(Markdown.outsideCode(md))
                    .noneMatch(line -> line.startsWith(FORGED_HEADING))
                    .noneMatch(line -> line.startsWith("# file.java"))
                    .noneMatch(line -> line.equals("All checks passed."));
            assertThat(ReportLimit.openFence(md)).isZero();
        }

        @Test
        @DisplayName("is at most 1 MiB with very many long failures, ends with the cut note and no open code block")
        void atMostOneMiB() {
            String md = Feedback.text(grade(manyLongFailures(), List.of()), HINTS);
            assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ReportLimit.MAX_BYTES);
            assertThat(md).endsWith(ReportLimit.CUT_NOTE);
            assertThat(ReportLimit.openFence(md)).isZero();
        }
    }

    @Nested
    @DisplayName("results.json")
    class ResultsFile {
        @Test
        @DisplayName("is at most 1 MiB with very many long failures, and still valid JSON with every test listed")
        void atMostOneMiB() {
            List<CheckResult> failures = manyLongFailures();
            String json = ResultsJson.text(grade(failures, List.of()), HINTS, ResultsJson.Presentation.DEFAULT);
            assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ReportLimit.MAX_BYTES);
            assertThat(JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("tests"))
                    .hasSize(failures.size());
        }

        @Test
        @DisplayName("is unchanged when small")
        void smallUnchanged() {
            Grade g = grade(List.of(failed("Relu.a", "wrong", "[1.0]")), List.of());
            String json = ResultsJson.text(g, HINTS, ResultsJson.Presentation.DEFAULT);
            assertThat(json).contains("wrong").contains("[1.0]").doesNotContain(ReportLimit.CUT_NOTE);
        }
    }

    @Test
    @DisplayName("a grade keeps at most 100 ignored lines, and says how many more there were")
    void gradeBoundsItsLists() {
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            ignored.add("cnn/F" + i + "Test.java: looks like a test");
        }
        Grade g = grade(List.of(), ignored);
        assertThat(g.ignored()).hasSize(Grade.MAX_LINES + 1).last().asString().contains("4900 more");
    }

    /** 300 failures, each with a 2 KiB message, 8 KiB input and expected and a 2 KiB value: 6 MB unbounded. */
    private static List<CheckResult> manyLongFailures() {
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            results.add(new CheckResult(
                    "Relu.c" + i,
                    Step.RELU,
                    "check " + i,
                    Status.FAILED,
                    "m".repeat(5000),
                    "i".repeat(9000),
                    "e".repeat(9000),
                    "a".repeat(5000),
                    ""));
        }
        return results;
    }

    private static CheckResult failed(String id, String message, String actual) {
        return new CheckResult(id, Step.RELU, id, Status.ERROR, message, "x = [1]", "[1.0]", actual, "");
    }

    private static Grade grade(List<CheckResult> results, List<String> ignored) {
        List<ScoredCheck> checks =
                results.stream().map(r -> new ScoredCheck(r, 0, 1)).toList();
        List<StepScore> steps = new ArrayList<>();
        for (Step step : Step.values()) {
            steps.add(new StepScore(step, 0, step == Step.RELU ? 8 : 1, List.of()));
        }
        return new Grade("alice", GradeStatus.GRADED, "", steps, checks, ignored, List.of(), "", 0, "");
    }
}
