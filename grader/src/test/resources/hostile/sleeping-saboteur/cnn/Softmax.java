package cnn;

/**
 * Hostile (issue 11, hole 4): a daemon thread that sleeps in a loop (TIMED_WAITING, never RUNNABLE) so that it
 * survives into the next job of a reused worker and fails that submission's checks.
 */
public final class Softmax {
    public static double[] apply(double[] scores) {
        Thread saboteur = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    // keep going: the next job is the target
                }
                System.out.println("{\"type\":\"result\",\"status\":\"FAILED\"}");
            }
        });
        saboteur.setDaemon(true);
        saboteur.start();
        double[] out = new double[scores.length];
        java.util.Arrays.fill(out, 1.0 / scores.length);
        return out;
    }
}
