package cnnkit.hidden.support;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls into the student's code with a time limit. Every hidden check goes through here, also inside jqwik
 * properties, where JUnit Jupiter's timeouts do not apply.
 *
 * <pre>
 *   double[][] map = Student.call(() -&gt; Convolution.convolve(image, detector));
 * </pre>
 *
 * <p>The call runs on a daemon thread that is reused while calls return in time (a thread per call would cost
 * more than most calls). A call that overruns is abandoned: its thread is left to the JVM (daemon, so it never
 * keeps the worker alive) and the next call gets a fresh thread. What the student's code throws is rethrown
 * unchanged, so a check can look at an {@code IllegalArgumentException} or report the real exception.
 */
public final class Student {
    /** Longest one call may take; a lecture-sized call takes microseconds. */
    public static final long TIMEOUT_MILLIS = 2_000;

    private static ExecutorService worker = newWorker();

    private Student() {
    }

    /** A student call that returns a value. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws Exception;
    }

    /**
     * @param call the student's method, e.g. {@code () -> Softmax.apply(scores)}
     * @param <T>  its result type
     * @return what it returned
     * @throws StudentTimeout if it did not return within {@link #TIMEOUT_MILLIS}
     */
    public static <T> T call(Call<T> call) {
        Future<T> future = submit(call);
        try {
            return future.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            abandonWorker();
            throw new StudentTimeout(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            abandonWorker();
            throw new StudentTimeout(new TimeoutException("interrupted while waiting for the student's code"));
        } catch (ExecutionException e) {
            throw Student.<RuntimeException>sneaky(e.getCause());
        }
    }

    /** Runs the call with the caller's context class loader (the submission's), never keeping it afterwards. */
    private static synchronized <T> Future<T> submit(Call<T> call) {
        ClassLoader callers = Thread.currentThread().getContextClassLoader();
        return worker.submit(() -> {
            Thread self = Thread.currentThread();
            self.setContextClassLoader(callers);
            try {
                return call.run();
            } finally {
                self.setContextClassLoader(null);
            }
        });
    }

    private static synchronized void abandonWorker() {
        worker.shutdownNow();
        worker = newWorker();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "student-call");
            t.setDaemon(true);
            t.setContextClassLoader(null); // not the loader of whichever submission happened to start it
            return t;
        });
    }

    /** Rethrows any throwable (also a checked one) without wrapping, so its type and stack trace stay the student's. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /** The student's code did not return in time; the cause, a {@link TimeoutException}, makes it a TIMEOUT. */
    public static final class StudentTimeout extends AssertionError {
        private static final long serialVersionUID = 1L;

        StudentTimeout(TimeoutException cause) {
            super("your code did not return within " + TIMEOUT_MILLIS / 1000 + " s: is there an endless loop?", cause);
        }
    }
}
