package cnnkit.hidden.support;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random inputs for the hidden properties. Cells are small whole numbers (−3…3) where the step only adds and
 * multiplies, so results are exact and a wrong answer is never hidden by rounding.
 */
public final class Gen {
    private Gen() {}

    /** @return a whole number from −3 to 3 as a double */
    public static Arbitrary<Double> cell() {
        return Arbitraries.integers().between(-3, 3).map(Integer::doubleValue);
    }

    /** @return a rectangular matrix with rows and columns in [min, max] */
    public static Arbitrary<double[][]> matrix(int min, int max) {
        return matrix(min, max, cell());
    }

    /** @return a rectangular matrix with rows and columns in [min, max] and the given cells */
    public static Arbitrary<double[][]> matrix(int min, int max, Arbitrary<Double> cells) {
        return Arbitraries.integers()
                .between(min, max)
                .flatMap(rows -> Arbitraries.integers()
                        .between(min, max)
                        .flatMap(cols -> cells.array(double[].class)
                                .ofSize(cols)
                                .array(double[][].class)
                                .ofSize(rows)));
    }

    /** @return a stack of 1 to 3 maps of one shape, sides in [min, max] */
    public static Arbitrary<double[][][]> stack(int min, int max) {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(min, max),
                        Arbitraries.integers().between(min, max))
                .flatAs((maps, rows, cols) -> cell().array(double[].class)
                        .ofSize(cols)
                        .array(double[][].class)
                        .ofSize(rows)
                        .array(double[][][].class)
                        .ofSize(maps));
    }

    /** @return a vector of the given length range with values in [lo, hi] (two decimals) */
    public static Arbitrary<double[]> vector(int minLength, int maxLength, double lo, double hi) {
        return Arbitraries.doubles()
                .between(lo, hi)
                .ofScale(2)
                .array(double[].class)
                .ofMinSize(minLength)
                .ofMaxSize(maxLength);
    }

    /** @return a probability distribution over n classes: positive values summing to 1 */
    public static double[] normalise(double[] positive) {
        double sum = 0;
        for (double x : positive) {
            sum += x;
        }
        double[] out = new double[positive.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = positive[i] / sum;
        }
        return out;
    }

    /** @return a one-hot target of length n with the 1 at {@code hot} */
    public static double[] oneHot(int n, int hot) {
        double[] t = new double[n];
        t[hot] = 1;
        return t;
    }

    /**
     * @return a rows x cols matrix of whole numbers −3…3 from a generator with this seed: for a gradient whose
     *     shape follows from the other inputs of a property (jqwik draws the seed, so it is fixed too)
     */
    public static double[][] seeded(long seed, int rows, int cols) {
        return seeded(seed, 1, rows, cols)[0];
    }

    /** @return maps x rows x cols whole numbers −3…3 from a generator with this seed */
    public static double[][][] seeded(long seed, int maps, int rows, int cols) {
        java.util.Random random = new java.util.Random(seed);
        double[][][] out = new double[maps][rows][cols];
        for (double[][] map : out) {
            for (double[] row : map) {
                for (int c = 0; c < cols; c++) {
                    row[c] = random.nextInt(7) - 3;
                }
            }
        }
        return out;
    }
}
