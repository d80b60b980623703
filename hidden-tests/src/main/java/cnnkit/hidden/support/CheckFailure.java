package cnnkit.hidden.support;

/**
 * A hidden check's verdict that the student's result is wrong, with what the feedback shows: the input (small
 * ones in full, large ones summarised), the expected and actual values laid out so that differing cells are
 * marked, and the id of the misconception (see {@code misconceptions.csv}) whose "wrong oracle" reproduces the
 * student's result, if one does.
 */
public class CheckFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final String expected;
    private final String actual;
    private final String misconception;

    /**
     * @param summary       one line: what went wrong, e.g. "16 of 25 cells differ, e.g. row 3, col 1: expected 4,
     *                      got 0 (rows and cols from 1)"
     * @param input         the input, as the student should see it
     * @param expected      the expected value, formatted
     * @param actual        the student's value, formatted (differing cells marked)
     * @param misconception id of the recognised misconception, or null
     */
    public CheckFailure(String summary, String input, String expected, String actual, String misconception) {
        super(summary);
        this.input = input;
        this.expected = expected;
        this.actual = actual;
        this.misconception = misconception;
    }

    public String input() {
        return input;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }

    /** @return the recognised misconception's id, or null */
    public String misconception() {
        return misconception;
    }
}
