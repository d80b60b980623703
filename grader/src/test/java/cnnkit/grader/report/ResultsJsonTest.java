package cnnkit.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.run.CheckResult;
import cnnkit.grader.run.CheckResult.Status;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.GradeStatus;
import cnnkit.grader.score.ScoredCheck;
import cnnkit.grader.score.StepScore;
import cnnkit.lecture.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Gradescope's results.json")
class ResultsJsonTest {
    @Nested
    @DisplayName("--visibility")
    class Visibility {
        @Test
        @DisplayName("visible: the top-level output gives the score and each step's points")
        void visibleShowsTheScore() {
            Map<String, Object> json = json(graded(), "visible");

            assertThat(json.get("visibility")).isEqualTo("visible");
            assertThat((String) json.get("output")).contains("Score 8.5 / 15", "Relu", "8.5 / 8");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"hidden", "after_due_date", "after_published"})
        @DisplayName("otherwise it governs the results as a whole, and the top-level output says no score or points")
        void otherwiseNoScore(String visibility) {
            Map<String, Object> json = json(graded(), visibility);

            assertThat(json.get("visibility")).isEqualTo(visibility);
            assertThat((String) json.get("output"))
                    .contains("received and graded")
                    .doesNotContain("Score", "8.5", "Relu", " / ");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> tests = (List<Map<String, Object>>) json.get("tests");
            assertThat(tests)
                    .isNotEmpty()
                    .allSatisfy(t -> assertThat(t.get("visibility")).isEqualTo(visibility));
        }

        @Test
        @DisplayName("hidden still says why a hand-in could not be graded, so the student can hand in again")
        void hiddenSaysWhyItCouldNotBeRead() {
            Grade rejected = new Grade(
                    "bob",
                    GradeStatus.REJECTED,
                    "the zip file could not be read",
                    steps(0),
                    List.of(),
                    List.of(),
                    List.of(),
                    "",
                    0,
                    "");

            assertThat((String) json(rejected, "hidden").get("output"))
                    .contains("rejected", "the zip file could not be read")
                    .doesNotContain("Score");
        }
    }

    private static Map<String, Object> json(Grade grade, String visibility) {
        return ResultsJson.toJson(grade, HintSource.catalogue(), new ResultsJson.Presentation(visibility, true));
    }

    /** Relu 8.5 of 8 (an extra half point), every other step 0 of 1. */
    private static Grade graded() {
        List<ScoredCheck> checks = List.of(new ScoredCheck(
                new CheckResult("Relu.a", Step.RELU, "a", Status.PASSED, "", "", "", "", ""), 8.5, 8.5));
        return new Grade("alice", GradeStatus.GRADED, "", steps(8.5), checks, List.of(), List.of(), "", 0, "");
    }

    private static List<StepScore> steps(double relu) {
        List<StepScore> steps = new ArrayList<>();
        for (Step step : Step.values()) {
            steps.add(new StepScore(step, step == Step.RELU ? relu : 0, step == Step.RELU ? 8 : 1, List.of()));
        }
        return steps;
    }
}
