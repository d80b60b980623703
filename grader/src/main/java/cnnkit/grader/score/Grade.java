package cnnkit.grader.score;

import cnnkit.lecture.Step;
import java.util.List;

/**
 * Everything known about one graded submission: what the reports are written from.
 *
 * @param id        the submission id
 * @param status    the gradebook status
 * @param reason    why the status is not {@code graded}, for the feedback; empty when graded
 * @param steps     one score per step, in lecture order
 * @param checks    every check with its points, in step order
 * @param ignored   files found but not graded
 * @param notes     other remarks (helpers left out, worker incidents)
 * @param output    what the student's code printed while tested (capped)
 * @param seconds   time the grading of this submission took (the only timing field)
 */
public record Grade(String id, GradeStatus status, String reason, List<StepScore> steps, List<ScoredCheck> checks,
                    List<String> ignored, List<String> notes, String output, double seconds) {
    public Grade {
        steps = List.copyOf(steps);
        checks = List.copyOf(checks);
        ignored = List.copyOf(ignored);
        notes = List.copyOf(notes);
        output = output == null ? "" : output;
        reason = reason == null ? "" : reason;
    }

    /** @return the points earned over all steps */
    public double score() {
        return steps.stream().mapToDouble(StepScore::earned).sum();
    }

    /** @return the points available over all steps */
    public double maxScore() {
        return steps.stream().mapToDouble(StepScore::max).sum();
    }

    /** @return the score of one step */
    public StepScore step(Step step) {
        return steps.get(step.ordinal());
    }
}
