package cnnkit.lecture;

/**
 * The one rule for "the same number" in the kit: the hidden checks ({@code cnnkit.hidden.support.Cells}) and the
 * walkthrough ({@code cnnkit.walkthrough.Grid}) judge a cell against the expected value by it.
 *
 * <p>Why a relative part: the lecture's values are small, but a property check may produce cells of size 1e6, where
 * 1e-9 absolute is below the double's resolution.
 */
public final class Tolerance {
    /** Values closer than this (absolutely, or relative to their size) count as equal. */
    public static final double CELL = 1e-9;

    private Tolerance() {}

    /**
     * @param expected the right value
     * @param actual   the value to judge
     * @return whether {@code actual} equals {@code expected} within {@link #CELL} (NaN equals NaN, ∞ equals ∞)
     */
    public static boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected == actual) {
            return true; // also equal infinities
        }
        double diff = Math.abs(expected - actual);
        return diff <= CELL || diff <= CELL * Math.abs(expected);
    }
}
