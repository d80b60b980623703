package cnn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Hostile: uses method handles instead of reflection to reach System.exit. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        try {
            MethodHandles.lookup().findStatic(System.class, "exit", MethodType.methodType(void.class, int.class))
                .invoke(0);
        } catch (Throwable t) {
            return scores;
        }
        return scores;
    }
}
