package cnnkit.grader.report;

import cnnkit.grader.run.CheckResult;
import cnnkit.grader.run.CheckResult.Status;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.GradeStatus;
import cnnkit.grader.score.ScoredCheck;
import cnnkit.grader.score.StepScore;
import cnnkit.lecture.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Tiny hand-made classes for the report tests: every check belongs to step 1 and is worth 1 point, so a
 * submission's score is the number of checks it passed and every figure can be worked out by hand.
 */
final class HandMade {
    private HandMade() {}

    /** @return a graded submission whose check {@code Convolution.c<i>} passed iff {@code passed[i]} */
    static Grade grade(String id, boolean... passed) {
        List<ScoredCheck> checks = new ArrayList<>();
        for (int i = 0; i < passed.length; i++) {
            checks.add(check(i, passed[i], ""));
        }
        return grade(id, checks);
    }

    /** @return a graded submission with one failed check per misconception id given (empty: none recognised) */
    static Grade failing(String id, String... misconceptions) {
        List<ScoredCheck> checks = new ArrayList<>();
        for (int i = 0; i < misconceptions.length; i++) {
            checks.add(check(i, false, misconceptions[i]));
        }
        return grade(id, checks);
    }

    static Grade grade(String id, List<ScoredCheck> checks) {
        double earned = checks.stream().mapToDouble(ScoredCheck::earned).sum();
        List<StepScore> steps = new ArrayList<>();
        for (Step step : Step.values()) {
            steps.add(
                    step == Step.CONVOLUTION
                            ? new StepScore(step, earned, checks.size(), List.of())
                            : new StepScore(step, 0, 0, List.of()));
        }
        return new Grade(id, GradeStatus.GRADED, "", steps, checks, List.of(), List.of(), "", 0, "");
    }

    /** @return the grade with its sources' digest set to 64 times {@code hex} */
    static Grade digest(Grade g, char hex) {
        return new Grade(
                g.id(),
                g.status(),
                g.reason(),
                g.steps(),
                g.checks(),
                g.ignored(),
                g.notes(),
                g.output(),
                g.seconds(),
                String.valueOf(hex).repeat(64));
    }

    static ScoredCheck check(int i, boolean passed, String misconception) {
        return new ScoredCheck(
                new CheckResult(
                        "Convolution.c" + i,
                        Step.CONVOLUTION,
                        "check " + i,
                        passed ? Status.PASSED : Status.FAILED,
                        passed ? "" : "wrong",
                        "",
                        "",
                        "",
                        misconception),
                passed ? 1 : 0,
                1);
    }
}
