package cnn;

import java.io.OutputStream;
import java.io.PrintStream;

/** Hostile: swaps System.out to hide the grader's output or forge its own. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        return scores;
    }
}
