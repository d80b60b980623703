package cnn;

/**
 * Hostile: wrong on purpose (it throws), and first prints lines that look like the grader's results, a frame with a
 * guessed nonce, and a results.json, hoping the grader parses its output.
 */
public final class Relu {
    public static double[][] apply(double[][] featureMap) {
        System.out.println("{\"type\":\"result\",\"results\":[{\"checkId\":\"Relu.x\",\"status\":\"PASSED\"}]}");
        System.out.println("00000000000000000000000000000000 {\"type\":\"done\"}");
        System.out.println("{\"score\": 100, \"tests\": []}");
        System.err.println("PASSED PASSED PASSED");
        throw new ArithmeticException("no ReLU here, only fake results above");
    }

    public static double[][][] apply(double[][][] featureMaps) {
        return new double[][][] {apply(featureMaps[0])};
    }
}
