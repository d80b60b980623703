package cnnkit.walkthrough;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls the learner's code with a time limit. Each call runs on a fresh daemon thread: if it loops forever the walk
 * gives up waiting, says so, and the thread dies with the JVM instead of keeping it alive.
 */
public final class Bounded {
    private Bounded() {
    }

    /**
     * @param call    the call into the learner's code
     * @param timeout how long to wait for it
     * @param <T>     its result type
     * @return what happened; never throws for anything the call does
     */
    public static <T> Outcome<T> call(Callable<T> call, Duration timeout) {
        FutureTask<T> task = new FutureTask<>(call);
        Thread thread = new Thread(task, "walkthrough-learner-call");
        thread.setDaemon(true);
        thread.start();
        try {
            return new Outcome.Returned<>(task.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            task.cancel(true); // interrupts; a busy loop ignores that, but the daemon thread cannot hold the JVM
            return new Outcome.TimedOut<>(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            return new Outcome.Threw<>("InterruptedException", "the walk was interrupted");
        } catch (ExecutionException e) {
            return classify(e.getCause());
        }
    }

    /** A stub's UnsupportedOperationException, or a class/method the classes folder lacks, means "not yet". */
    static <T> Outcome<T> classify(Throwable t) {
        if (t instanceof UnsupportedOperationException) {
            String message = t.getMessage();
            return new Outcome.NotImplemented<>(message == null ? "UnsupportedOperationException" : message);
        }
        if (t instanceof NoClassDefFoundError || t instanceof NoSuchMethodError || t instanceof AbstractMethodError
            || t instanceof ClassNotFoundException) {
            return new Outcome.NotImplemented<>("missing from your classes: " + t.getMessage());
        }
        return new Outcome.Threw<>(t.getClass().getSimpleName(), t.getMessage());
    }
}
