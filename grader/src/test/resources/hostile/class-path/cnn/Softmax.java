package cnn;

/** Hostile: lists the class path to find the hidden tests' jar. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        System.out.println(System.getProperty("java.class.path"));
        System.out.println(Softmax.class.getClassLoader());
        return scores;
    }
}
