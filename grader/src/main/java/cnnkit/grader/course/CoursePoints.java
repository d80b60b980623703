package cnnkit.grader.course;

import cnnkit.grader.Step;
import java.util.EnumMap;
import java.util.Map;

/** The points of each step in the course tools (Classroom workflow): the grading rubric's step totals. */
public final class CoursePoints {
    private CoursePoints() {
    }

    /** @return points per step, in lecture order */
    public static Map<Step, Integer> perStep() {
        Map<Step, Integer> points = new EnumMap<>(Step.class);
        for (Step s : Step.values()) {
            points.put(s, 10);
        }
        return points;
    }
}
