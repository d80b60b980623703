package cnnkit.grader.common;

import cnnkit.lecture.Step;
import java.util.Optional;

/**
 * A hidden check's id, {@code <unit>.<testMethodName>} (e.g. {@code MaxPooling.partialWindowsKept}, or in Part 2
 * {@code MaxPoolingBackward.tiesGoToTheFirstInRowMajorOrder}): the one place it is made and read. The unit is a step
 * in Part 1 and a backward pass or {@code Training} in Part 2 ({@link Assignment#unit}), so the two parts' ids never
 * collide. It travels as that text (rubric, gradebook reports, results.json, stored grades); test method names are
 * unique within a unit, so the id names one check.
 *
 * @param assignment the assignment the check belongs to
 * @param step       the step whose slot the check's unit sits in (for Part 1: the step the check grades)
 * @param method     the hidden test method's name
 */
public record CheckId(Assignment assignment, Step step, String method) {
    private static final String TEST_CLASS_SUFFIX = "HiddenTest";

    /**
     * @throws IllegalArgumentException if the step is null or not in the assignment, or the method name is blank or
     *                                  holds a dot
     */
    public CheckId {
        if (assignment == null
                || step == null
                || assignment.unit(step).isEmpty()
                || method == null
                || method.isBlank()
                || method.contains(".")) {
            throw new IllegalArgumentException("a check id is <Step>.<method>, not " + step + "." + method);
        }
    }

    /** A Part 1 check of a step. */
    public CheckId(Step step, String method) {
        this(Assignment.FORWARD, step, method);
    }

    /**
     * @param id a check id's text, e.g. {@code Relu.keepsPositives}
     * @return it, or empty if it is not {@code <Step>.<method>} with a known step
     */
    public static Optional<CheckId> parse(String id) {
        int dot = id == null ? -1 : id.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String method = id.substring(dot + 1);
        if (method.isBlank() || method.contains(".")) {
            return Optional.empty();
        }
        return Assignment.slotOf(id.substring(0, dot)).map(s -> new CheckId(s.assignment(), s.step(), method));
    }

    /**
     * @param className  a test method's class, e.g. {@code cnnkit.hidden.ReluHiddenTest$Negatives}
     * @param methodName its name
     * @return the check it is, or empty if the class is no step's hidden test (nested classes count as their top's)
     */
    public static Optional<CheckId> ofTestMethod(String className, String methodName) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        String top = nested < 0 ? simple : simple.substring(0, nested);
        if (!top.endsWith(TEST_CLASS_SUFFIX)) {
            return Optional.empty();
        }
        return parse(top.substring(0, top.length() - TEST_CLASS_SUFFIX.length()) + "." + methodName);
    }

    /** @return the check's unit, e.g. {@code "MaxPoolingBackward"} */
    public String unit() {
        return assignment.unit(step).orElseThrow();
    }

    /** @return {@code <unit>.<method>} */
    @Override
    public String toString() {
        return unit() + "." + method;
    }
}
