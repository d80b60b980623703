package cnn;

/** Hostile: leaves a busy non-daemon thread behind that would keep the JVM alive. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        new Thread(() -> {
            while (true) {
                Math.sqrt(Math.random());
            }
        }).start();
        return scores;
    }
}
