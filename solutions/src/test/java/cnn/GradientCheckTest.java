package cnn;

import static cnn.ReferenceFixtures.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The given gradient checker: central differences of known functions, CS231n's relative error, its report. */
@DisplayName("GradientCheck (given to students)")
class GradientCheckTest {
    @Nested
    @DisplayName("numerical gradients")
    class Numerical {
        @Test
        @DisplayName("of x·x + sin(y) at (3, 0.5): (6, cos 0.5), to 1e-9")
        void knownFunction() {
            double[] grad = GradientCheck.numericalGradient(v -> v[0] * v[0] + Math.sin(v[1]), new double[] {3, 0.5});
            assertThat(grad[0]).isCloseTo(6, within(1e-9));
            assertThat(grad[1]).isCloseTo(Math.cos(0.5), within(1e-9));
        }

        @Test
        @DisplayName("of Σ g ⊙ (2x) for matrices, stacks and filters: 2g, and x is left unchanged")
        void everyDepth() {
            double[][] m = {{1, 2}, {3, 4}};
            double[][] g = {{0.5, -1}, {2, 3}};
            double[][] grad = GradientCheck.numericalGradient(x -> GradientCheck.dot(g, scale(x)), m);
            assertThat(grad[1][0]).isCloseTo(4, within(1e-9));
            assertThat(grad[0][1]).isCloseTo(-2, within(1e-9));
            assertThat(m).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
            double[][][] stack = {m, m};
            double[][][] gs = {g, {{1, 1}, {1, 1}}};
            double[][][] grad3 = GradientCheck.numericalGradient(
                    x -> GradientCheck.dot(gs, new double[][][] {scale(x[0]), scale(x[1])}), stack);
            assertThat(grad3[1][1][1]).isCloseTo(2, within(1e-9));
            assertThat(grad3[0][1][1]).isCloseTo(6, within(1e-9));
            double[][][][] filters = {{m}, {m}};
            double[][][][] grad4 = GradientCheck.numericalGradient(x -> x[1][0][0][1] * x[0][0][1][0], filters);
            assertThat(grad4[1][0][0][1]).isCloseTo(3, within(1e-9));
            assertThat(grad4[0][0][1][0]).isCloseTo(2, within(1e-9));
            assertThat(grad4[0][0][0][0]).isZero();
        }
    }

    @Nested
    @DisplayName("relative error and report")
    class Report {
        @Test
        @DisplayName("|a − n| / max(1e-8, |a| + |n|): 0 for equal values and two zeros, 1 for opposite signs")
        void relativeError() {
            assertThat(GradientCheck.relativeError(2, 2)).isZero();
            assertThat(GradientCheck.relativeError(0, 0)).isZero();
            assertThat(GradientCheck.relativeError(1, -1)).isEqualTo(1);
            assertThat(GradientCheck.relativeError(1.0, 1.1)).isCloseTo(0.1 / 2.1, within(1e-15));
            assertThat(GradientCheck.relativeError(0, 1e-12)).isCloseTo(1e-4, within(1e-15));
            assertThat(GradientCheck.relativeError(Double.NaN, 1)).isInfinite();
        }

        @Test
        @DisplayName("the report names the worst cell and says whether the gradients agree (below 1e-7)")
        void report() {
            GradientCheck.Result same = GradientCheck.compare(new double[][] {{1, 2}}, new double[][] {{1, 2}});
            assertThat(same.agrees()).isTrue();
            assertThat(same.toString()).contains("below 1e-7: the gradients agree");
            GradientCheck.Result off =
                    GradientCheck.compare(new double[][][] {{{1, 2}}, {{3, 4}}}, new double[][][] {{{1, 2}}, {{3, 5}}});
            assertThat(off.agrees()).isFalse();
            assertThat(off.where()).isEqualTo("[1][0][1]");
            assertThat(off.maxRelativeError()).isCloseTo(1.0 / 9, within(1e-15));
            assertThat(off.toString())
                    .contains("should be below 1e-7")
                    .contains("analytic 4")
                    .contains("numerical 5");
            assertThat(GradientCheck.compare(new double[] {1, 1 + 1e-6}, new double[] {1, 1})
                            .agrees())
                    .isFalse();
            assertThat(GradientCheck.compare(new double[] {1, 1 + 1e-9}, new double[] {1, 1})
                            .agrees())
                    .isTrue();
        }

        @Test
        @DisplayName("shapes that differ are rejected, naming both")
        void shapesDiffer() {
            rejects(() -> GradientCheck.compare(new double[2], new double[3]), "analytic", "numerical");
            rejects(() -> GradientCheck.compare(new double[2][2], new double[3][2]), "analytic", "numerical");
            rejects(() -> GradientCheck.dot(new double[2], null), "y", "null");
        }
    }

    private static double[][] scale(double[][] x) {
        double[][] out = new double[x.length][x[0].length];
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < x[0].length; c++) {
                out[r][c] = 2 * x[r][c];
            }
        }
        return out;
    }
}
