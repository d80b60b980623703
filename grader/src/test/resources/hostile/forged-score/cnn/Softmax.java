package cnn;

/** Hostile (issue 11, hole 3): the exercise's stub, which scores 100 if the forged frames are believed. */
public final class Softmax implements Forge {
    public static double[] apply(double[] scores) {
        throw new UnsupportedOperationException("Softmax.apply: not implemented yet");
    }
}
