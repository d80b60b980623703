package cnn;

/** Hostile: loads a hidden test class to read its expected values. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        try {
            Class<?> test = Class.forName("cnnkit.hidden.ReluHiddenTest", false, Thread.currentThread().getContextClassLoader());
            System.out.println(test.getDeclaredMethods().length);
        } catch (ClassNotFoundException e) {
            return scores;
        }
        return scores;
    }
}
