package cnnkit.walkthrough;

import cnnkit.lecture.TimedCall;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

/**
 * Calls the learner's code with a time limit, through the kit's {@link TimedCall} (on a daemon thread: if it loops
 * forever the walk gives up waiting, says so, and the thread cannot keep the JVM alive), and says what happened.
 */
public final class Bounded {
    private Bounded() {}

    /**
     * @param call    the call into the learner's code
     * @param timeout how long to wait for it
     * @param <T>     its result type
     * @return what happened; never throws for anything the call does
     */
    public static <T> Outcome<T> call(Callable<T> call, Duration timeout) {
        try {
            return new Outcome.Returned<>(TimedCall.call(call, timeout));
        } catch (TimeoutException e) {
            return new Outcome.TimedOut<>(timeout.toMillis());
        } catch (Throwable t) { // what the learner's code threw, rethrown unchanged by TimedCall
            return classify(t);
        }
    }

    /** A stub's UnsupportedOperationException, or a class/method the classes folder lacks, means "not yet". */
    static <T> Outcome<T> classify(Throwable t) {
        if (t instanceof UnsupportedOperationException) {
            String message = t.getMessage();
            return new Outcome.NotImplemented<>(message == null ? "UnsupportedOperationException" : message);
        }
        if (t instanceof NoClassDefFoundError
                || t instanceof NoSuchMethodError
                || t instanceof AbstractMethodError
                || t instanceof ClassNotFoundException) {
            return new Outcome.NotImplemented<>("missing from your classes: " + t.getMessage());
        }
        return new Outcome.Threw<>(t.getClass().getSimpleName(), t.getMessage(), where(t));
    }

    /** @return where in the learner's files it was thrown, e.g. "Convolution.java:42", or "" if not in them */
    static String where(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("cnn.") && frame.getFileName() != null) {
                return frame.getFileName() + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "");
            }
        }
        return "";
    }
}
