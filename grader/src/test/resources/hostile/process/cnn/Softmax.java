package cnn;

import java.io.IOException;

/** Hostile: starts a shell. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        try {
            new ProcessBuilder("sh", "-c", "touch /tmp/cnnkit-hostile-was-here").start();
        } catch (IOException e) {
            return scores;
        }
        return scores;
    }
}
