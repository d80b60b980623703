package cnnkit.grader.score;

import cnnkit.lecture.Step;
import java.util.List;

/**
 * One step's points for one submission.
 *
 * @param step    the step
 * @param earned  points of the checks passed (0 if the step was replaced by its stub)
 * @param max     the step's points in the rubric
 * @param stubbed why the step's code was not run (compiler messages, missing signature, ...); empty if it ran
 */
public record StepScore(Step step, double earned, double max, List<String> stubbed) {
    public StepScore {
        stubbed = List.copyOf(stubbed);
    }
}
