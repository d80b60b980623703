package cnn;

import static cnn.ReferenceFixtures.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The given network of Part 2: its shapes, their checks, He initialisation and deep copies. */
@DisplayName("Network (given to students)")
class NetworkTest {
    private static Network zeros() {
        return new Network(new double[8][1][3][3], new double[8], new double[10][128], new double[10]);
    }

    @Nested
    @DisplayName("shapes")
    class Shapes {
        @Test
        @DisplayName("the constants describe 8 detectors 3x3, padding 1, stride 1, pooling 2, 10 classes, 128 inputs")
        void constants() {
            assertThat(new int[] {
                        Network.DETECTORS,
                        Network.SIZE,
                        Network.PADDING,
                        Network.STRIDE,
                        Network.POOL,
                        Network.CLASSES,
                        Network.IMAGE,
                        Network.FEATURES
                    })
                    .containsExactly(8, 3, 1, 1, 2, 10, 8, 128);
        }

        @Test
        @DisplayName("the constructor keeps the arrays themselves (no copy)")
        void keepsArrays() {
            double[][][][] filters = new double[8][1][3][3];
            double[] filterBias = new double[8];
            double[][] weights = new double[10][128];
            double[] bias = new double[10];
            Network net = new Network(filters, filterBias, weights, bias);
            assertThat(net.filters).isSameAs(filters);
            assertThat(net.filterBias).isSameAs(filterBias);
            assertThat(net.weights).isSameAs(weights);
            assertThat(net.bias).isSameAs(bias);
        }

        @Test
        @DisplayName("rejects every array that is null or of another shape, naming it and the sizes")
        void rejectsShapes() {
            Network ok = zeros();
            rejects(() -> new Network(null, ok.filterBias, ok.weights, ok.bias), "filters", "null");
            rejects(() -> new Network(new double[7][1][3][3], ok.filterBias, ok.weights, ok.bias), "7 detectors");
            rejects(() -> new Network(new double[8][2][3][3], ok.filterBias, ok.weights, ok.bias), "2 channels");
            rejects(() -> new Network(new double[8][1][2][3], ok.filterBias, ok.weights, ok.bias), "2 rows");
            rejects(() -> new Network(new double[8][1][3][4], ok.filterBias, ok.weights, ok.bias), "4 values");
            double[][][][] nullKernel = new double[8][1][3][3];
            nullKernel[5][0] = null;
            rejects(() -> new Network(nullKernel, ok.filterBias, ok.weights, ok.bias), "filters[5][0]", "null");
            rejects(() -> new Network(ok.filters, new double[9], ok.weights, ok.bias), "filterBias", "9");
            rejects(() -> new Network(ok.filters, null, ok.weights, ok.bias), "filterBias", "null");
            rejects(() -> new Network(ok.filters, ok.filterBias, null, ok.bias), "weights", "null");
            rejects(() -> new Network(ok.filters, ok.filterBias, new double[9][128], ok.bias), "9 rows");
            rejects(() -> new Network(ok.filters, ok.filterBias, new double[10][127], ok.bias), "127", "128");
            rejects(() -> new Network(ok.filters, ok.filterBias, ok.weights, new double[11]), "bias", "11");
            rejects(() -> new Network(ok.filters, ok.filterBias, ok.weights, null), "bias", "null");
        }
    }

    @Nested
    @DisplayName("He initialisation")
    class He {
        @Test
        @DisplayName("the same seed gives the same network, another seed another one")
        void deterministic() {
            assertThat(Network.heInitialised(3).weights).isDeepEqualTo(Network.heInitialised(3).weights);
            assertThat(Network.heInitialised(3).filters).isDeepEqualTo(Network.heInitialised(3).filters);
            assertThat(Network.heInitialised(3).weights).isNotEqualTo(Network.heInitialised(4).weights);
        }

        @Test
        @DisplayName("draws filters, then weights, from Random(seed).nextGaussian() times sqrt(2 / fanIn); biases 0")
        void drawOrder() {
            java.util.Random random = new java.util.Random(9);
            Network net = Network.heInitialised(9);
            assertThat(net.filters[0][0][0][0]).isEqualTo(random.nextGaussian() * Math.sqrt(2.0 / 9));
            for (int i = 1; i < 8 * 9; i++) {
                random.nextGaussian();
            }
            assertThat(net.weights[0][0]).isEqualTo(random.nextGaussian() * Math.sqrt(2.0 / 128));
            assertThat(net.filterBias).containsOnly(0);
            assertThat(net.bias).containsOnly(0);
        }

        @Test
        @DisplayName("weights have mean about 0 and standard deviation about sqrt(2 / 128) = 0.125")
        void scale() {
            double sum = 0;
            double squares = 0;
            for (double[] row : Network.heInitialised(5).weights) {
                for (double w : row) {
                    sum += w;
                    squares += w * w;
                }
            }
            int n = 1280;
            assertThat(sum / n).isCloseTo(0, within(0.02));
            assertThat(Math.sqrt(squares / n)).isCloseTo(0.125, within(0.01));
        }
    }

    @Test
    @DisplayName("copy is deep: changing the copy leaves the original as it was")
    void deepCopy() {
        Network net = Network.heInitialised(1);
        Network copy = net.copy();
        assertThat(copy.weights).isDeepEqualTo(net.weights);
        assertThat(copy.filters).isDeepEqualTo(net.filters);
        double w = net.weights[2][3];
        double f = net.filters[4][0][1][2];
        copy.weights[2][3] += 1;
        copy.filters[4][0][1][2] += 1;
        copy.bias[0] += 1;
        copy.filterBias[0] += 1;
        assertThat(net.weights[2][3]).isEqualTo(w);
        assertThat(net.filters[4][0][1][2]).isEqualTo(f);
        assertThat(net.bias[0]).isZero();
        assertThat(net.filterBias[0]).isZero();
    }
}
