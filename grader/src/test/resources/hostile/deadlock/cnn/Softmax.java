package cnn;

/** Hostile: two threads take two locks in opposite orders and wait for each other for ever. */
public final class Softmax {
    private static final Object A = new Object();
    private static final Object B = new Object();

    public static double[] apply(double[] scores) {
        Thread t = new Thread(() -> lock(B, A));
        t.start();
        lock(A, B);
        return scores;
    }

    private static void lock(Object first, Object second) {
        synchronized (first) {
            try {
                first.wait(10);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (second) {
                second.notifyAll();
            }
        }
    }
}
