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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The class summary and the points format")
class SummaryTest {
    @Test
    @DisplayName("counts each submission once, under its main misconception, most frequent first")
    void misconceptions() {
        List<Grade> grades = List.of(
                grade("a", "flipped-kernel", "flipped-kernel", "no-relu"),
                grade("b", "flipped-kernel"),
                grade("c", "no-relu"),
                grade("d"));
        String md = Summary.text(grades, HintSource.catalogue());
        assertThat(md)
                .contains("**2 of 4**: `flipped-kernel`")
                .contains("**1 of 4**: `no-relu`")
                .contains(Summary.MISCONCEPTIONS_NOTE);
        assertThat(md.indexOf("flipped-kernel")).isLessThan(md.indexOf("no-relu"));
    }

    @Test
    @DisplayName("prints points with at most two decimals and no trailing zeros")
    void points() {
        assertThat(Points.format(12.0)).isEqualTo("12");
        assertThat(Points.format(7.5)).isEqualTo("7.5");
        assertThat(Points.format(1.0 / 3)).isEqualTo("0.33");
        assertThat(Points.format(0.0)).isEqualTo("0");
    }

    private static Grade grade(String id, String... misconceptions) {
        List<ScoredCheck> checks = new ArrayList<>();
        int n = 0;
        for (String m : misconceptions) {
            checks.add(new ScoredCheck(
                    new CheckResult(
                            "Convolution.c" + n++, Step.CONVOLUTION, "c", Status.FAILED, "wrong", "", "", "", m),
                    0,
                    1));
        }
        List<StepScore> steps = new ArrayList<>();
        for (Step step : Step.values()) {
            steps.add(new StepScore(step, 0, 1, List.of()));
        }
        return new Grade(id, GradeStatus.GRADED, "", steps, checks, List.of(), List.of(), "", 0, "");
    }
}
