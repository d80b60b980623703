package cnnkit.grader.run;

import cnnkit.lecture.Step;

/**
 * The outcome of one hidden check on one submission. This is what travels from the worker to the grader and what
 * scoring and reports read.
 *
 * @param checkId       stable id, {@code <Step>.<testMethodName>}, e.g. {@code "Convolution.lectureExample"}
 * @param step          the step the check belongs to
 * @param displayName   the check's {@code @DisplayName}, a sentence for the student
 * @param status        what happened
 * @param message       one line for the student (failure summary, exception, timeout); empty when passed
 * @param input         the input shown in feedback, or empty
 * @param expected      expected value as text, or empty
 * @param actual        the student's value as text, or empty
 * @param misconception id of the recognised misconception, or empty
 */
public record CheckResult(String checkId, Step step, String displayName, Status status, String message,
                          String input, String expected, String actual, String misconception) {

    /** What happened to a check. */
    public enum Status {
        /** The check passed. */
        PASSED,
        /** A wrong result or a wrong exception: an assertion failed. */
        FAILED,
        /** The student's code threw where it should have returned (incl. "not implemented"). */
        ERROR,
        /** The check did not finish within its time limit. */
        TIMEOUT,
        /** The check never ran (e.g. the step was replaced by its stub, or the worker died first). */
        NOT_RUN
    }

    public CheckResult {
        message = message == null ? "" : message;
        input = input == null ? "" : input;
        expected = expected == null ? "" : expected;
        actual = actual == null ? "" : actual;
        misconception = misconception == null ? "" : misconception;
    }

    /** @return true if the check passed */
    public boolean passed() {
        return status == Status.PASSED;
    }

    /** @return a result for a check that did not pass for a reason outside the check itself */
    public static CheckResult notPassed(String checkId, Step step, String displayName, Status status, String message) {
        return new CheckResult(checkId, step, displayName, status, message, "", "", "", "");
    }
}
