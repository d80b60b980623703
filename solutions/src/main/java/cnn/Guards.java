package cnn;

/**
 * Checks the reference makes on values, not shapes: probabilities in [0, 1] (the stubs' Javadoc states it and hidden
 * checks grade it), and beyond the graded contract, absurd output sizes, turned into a clear
 * {@link IllegalArgumentException} instead of an {@link OutOfMemoryError}. No hidden check may test that one: a correct
 * student need not have it, and a check would make such a student's code build a huge map (grader/README.md,
 * "Mutation testing", lists its surviving mutants).
 */
final class Guards {
    /** Largest output we build: beyond this a call is a mistake (e.g. a huge padding), not a feature map. */
    static final long MAX_CELLS = 1L << 26;

    private Guards() {}

    /** Checks that every value is a probability: in [0, 1] and not NaN. */
    static void probabilities(double[] p, String name) {
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] is " + p[i] + ": expected a probability in [0, 1]");
            }
        }
    }

    /**
     * Rejects a feature map of more than {@link #MAX_CELLS} cells, as the padded convolutions' contract says.
     *
     * @param rows the map's rows, computed in {@code long} (a padding near {@code Integer.MAX_VALUE} overflows an int)
     * @param cols its columns
     */
    static void notHuge(long rows, long cols, int stride, int padding) {
        // Each axis is checked first: the product of two axes of ~2^32 cells would overflow a long.
        if (rows > MAX_CELLS || cols > MAX_CELLS || rows * cols > MAX_CELLS) {
            throw new IllegalArgumentException("padding " + padding + " and stride " + stride
                    + " would make a feature map of " + rows + "x" + cols + " cells, more than " + MAX_CELLS);
        }
    }
}
