package cnnkit.hidden.support;

/**
 * The steps a training step is composed of, forward and backward, as one interface: {@link #ORACLE} is the right
 * ones ({@link Oracle}, {@link BackwardOracle}); the training checks also compose the student's own steps, so that a
 * wrong backward pass costs its own unit and the training check judges only how the steps are put together.
 */
public interface Steps {
    /** The convolution layer, stride and padding given. */
    double[][][] convolve(double[][][] input, double[][][][] filters, double[] bias, int stride, int padding);

    /** ReLU of every map. */
    double[][][] relu(double[][][] maps);

    /** Max pooling of every map. */
    double[][][] pool(double[][][] maps, int size, int stride);

    /** Map after map, row by row. */
    double[] flatten(double[][][] maps);

    /** {@code weights · input + bias}. */
    double[] forward(double[] input, double[][] weights, double[] bias);

    /** Softmax. */
    double[] softmax(double[] scores);

    /** The fused {@code softmax(scores) − target}. */
    double[] gradient(double[] scores, double[] target);

    /** {@code Wᵀg}. */
    double[] inputGradient(double[][] weights, double[] g);

    /** {@code g ⊗ x}. */
    double[][] weightGradient(double[] input, double[] g);

    /** The flat vector back into maps. */
    double[][][] unflatten(double[] v, int maps, int rows, int cols);

    /** Max pooling's gradient, map by map. */
    double[][][] poolBackward(double[][][] maps, double[][][] g, int size, int stride);

    /** ReLU's gradient, map by map. */
    double[][][] reluBackward(double[][][] maps, double[][][] g);

    /** The layer's filter gradient. */
    double[][][][] filterGradient(double[][][] input, double[][][][] filters, double[][][] g, int stride, int padding);

    /** The layer's bias gradient. */
    double[] biasGradient(double[][][] g);

    /** The right steps. */
    Steps ORACLE = new Steps() {
        @Override
        public double[][][] convolve(
                double[][][] input, double[][][][] filters, double[] bias, int stride, int padding) {
            return Oracle.convolve(input, filters, bias, stride, padding);
        }

        @Override
        public double[][][] relu(double[][][] maps) {
            return Oracle.relu(maps);
        }

        @Override
        public double[][][] pool(double[][][] maps, int size, int stride) {
            return Oracle.pool(maps, size, stride);
        }

        @Override
        public double[] flatten(double[][][] maps) {
            return Oracle.flatten(maps);
        }

        @Override
        public double[] forward(double[] input, double[][] weights, double[] bias) {
            return Oracle.forward(input, weights, bias);
        }

        @Override
        public double[] softmax(double[] scores) {
            return Oracle.softmax(scores);
        }

        @Override
        public double[] gradient(double[] scores, double[] target) {
            return Oracle.gradient(scores, target);
        }

        @Override
        public double[] inputGradient(double[][] weights, double[] g) {
            return BackwardOracle.inputGradient(weights, g);
        }

        @Override
        public double[][] weightGradient(double[] input, double[] g) {
            return BackwardOracle.weightGradient(input, g);
        }

        @Override
        public double[][][] unflatten(double[] v, int maps, int rows, int cols) {
            return BackwardOracle.unflatten(v, maps, rows, cols);
        }

        @Override
        public double[][][] poolBackward(double[][][] maps, double[][][] g, int size, int stride) {
            return BackwardOracle.poolBackward(maps, g, size, stride);
        }

        @Override
        public double[][][] reluBackward(double[][][] maps, double[][][] g) {
            return BackwardOracle.reluBackward(maps, g);
        }

        @Override
        public double[][][][] filterGradient(
                double[][][] input, double[][][][] filters, double[][][] g, int stride, int padding) {
            return BackwardOracle.filterGradient(input, filters, g, stride, padding);
        }

        @Override
        public double[] biasGradient(double[][][] g) {
            return BackwardOracle.biasGradient(g);
        }
    };
}
