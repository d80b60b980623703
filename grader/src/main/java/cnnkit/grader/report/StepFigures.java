package cnnkit.grader.report;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.score.Grade;
import cnnkit.lecture.Step;
import java.util.List;

/**
 * One step's figures over the class: its average, and how many submissions scored nothing, part or all of it. The
 * averages table of {@code summary.md} and the step chart and table of {@code class-report.html} are made from these,
 * so they print the same numbers.
 *
 * @param step    the step
 * @param average the mean points earned, over every submission (0 for an empty class)
 * @param max     the step's points (the largest maximum any submission had)
 * @param zero    submissions that earned 0 points of it
 * @param partial submissions that earned some points but not all
 * @param full    submissions that earned all its points (none if the step is worth 0)
 */
public record StepFigures(Step step, double average, double max, int zero, int partial, int full) {
    /**
     * @param grades one per submission
     * @return one entry per step, in lecture order
     */
    public static List<StepFigures> of(List<Grade> grades) {
        return assignment(grades).steps().stream().map(step -> of(step, grades)).toList();
    }

    /** @return the assignment the class was graded on (its grades all share it; Part 1 for no grades) */
    static Assignment assignment(List<Grade> grades) {
        return grades.isEmpty() ? Assignment.FORWARD : grades.get(0).assignment();
    }

    private static StepFigures of(Step step, List<Grade> grades) {
        double max = grades.stream().mapToDouble(g -> g.step(step).max()).max().orElse(0);
        int zero = 0;
        int full = 0;
        for (Grade g : grades) {
            double earned = g.step(step).earned();
            if (max > 0 && earned >= max) {
                full++;
            } else if (earned <= 0) {
                zero++;
            }
        }
        double average = grades.stream()
                .mapToDouble(g -> g.step(step).earned())
                .average()
                .orElse(0);
        return new StepFigures(step, average, max, zero, grades.size() - zero - full, full);
    }

    /** @return the submissions counted: {@code zero + partial + full} */
    public int submissions() {
        return zero + partial + full;
    }
}
