package cnnkit.grader.run;

import cnnkit.grader.common.StudentText;
import cnnkit.lecture.Step;

/**
 * The outcome of one hidden check on one submission. This is what travels from the worker to the grader and what
 * scoring and reports read.
 *
 * @param checkId       stable id, {@code <Step>.<testMethodName>}, e.g. {@code "Convolution.lectureExample"}
 * @param step          the step the check belongs to
 * @param displayName   the check's {@code @DisplayName}, a sentence for the student
 * @param status        what happened
 * @param message       one line for the student (failure summary, exception, timeout); empty when passed; this
 *                      and every other text is capped (see {@link StudentText})
 * @param input         the input shown in feedback, or empty
 * @param expected      expected value as text, or empty
 * @param actual        the student's value as text, or empty
 * @param misconception id of the recognised misconception, or empty
 */
public record CheckResult(
        String checkId,
        Step step,
        String displayName,
        Status status,
        String message,
        String input,
        String expected,
        String actual,
        String misconception) {

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

    /** Longest input or expected value kept: the grader writes them, but a forged frame could bring anything. */
    static final int MAX_GRADER_TEXT = 4 * StudentText.MAX_CHARS;

    /** Every text is capped here, on both sides of the worker channel, so no result can hold megabytes. */
    public CheckResult {
        displayName = StudentText.cap(displayName, MAX_GRADER_TEXT);
        message = StudentText.cap(message);
        input = StudentText.cap(input, MAX_GRADER_TEXT);
        expected = StudentText.cap(expected, MAX_GRADER_TEXT);
        actual = StudentText.cap(actual);
        misconception = StudentText.cap(misconception, 100);
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
