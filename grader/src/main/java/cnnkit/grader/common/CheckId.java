package cnnkit.grader.common;

import cnnkit.lecture.Step;
import java.util.Optional;

/**
 * A hidden check's id, {@code <Step>.<testMethodName>} (e.g. {@code MaxPooling.partialWindowsKept}): the one place
 * it is made and read. It travels as that text (rubric, gradebook reports, results.json, stored grades); test method
 * names are unique within a step, so the id names one check.
 *
 * @param step   the step the check grades
 * @param method the hidden test method's name
 */
public record CheckId(Step step, String method) {
    private static final String TEST_CLASS_SUFFIX = "HiddenTest";

    /** @throws IllegalArgumentException if the step is null or the method name is blank or holds a dot */
    public CheckId {
        if (step == null || method == null || method.isBlank() || method.contains(".")) {
            throw new IllegalArgumentException("a check id is <Step>.<method>, not " + step + "." + method);
        }
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
        return Step.byName(id.substring(0, dot)).map(step -> new CheckId(step, method));
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

    /** @return {@code <Step>.<method>} */
    @Override
    public String toString() {
        return step.className() + "." + method;
    }
}
