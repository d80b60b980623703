package cnnkit.grader.course;

import cnnkit.grader.report.Points;
import cnnkit.grader.score.Rubric;
import cnnkit.lecture.Step;
import java.util.EnumMap;
import java.util.Map;

/** The points of each step in the course tools (the Classroom workflow): the grading rubric's step totals. */
public final class CoursePoints {
    private CoursePoints() {}

    /**
     * @param rubric the rubric the class is graded with
     * @return each step's points as the reports print them ("10", "7.5"), in lecture order
     */
    public static Map<Step, String> perStep(Rubric rubric) {
        Map<Step, String> points = new EnumMap<>(Step.class);
        for (Step s : Step.values()) {
            points.put(s, Points.format(rubric.stepTotal(s)));
        }
        return points;
    }
}
