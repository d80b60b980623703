package cnnkit.lecture;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The kit's one way to call untrusted code with a time limit: the hidden checks ({@code Student.call}) and the
 * walkthrough ({@code Bounded.call}) both go through here.
 *
 * <pre>
 *   double[][] map = TimedCall.call(() -&gt; Convolution.convolve(image, detector), Limits.DEFAULT.call());
 * </pre>
 *
 * <p>The call runs on a daemon thread that is reused while calls return in time (a thread per call would cost more
 * than most calls), with the caller's context class loader. A call that overruns is abandoned: its thread is left
 * to the JVM (daemon, so it never keeps the JVM alive) and the next call gets a fresh thread. What the code throws
 * is rethrown unchanged, so the caller sees the real exception with its stack trace.
 */
public final class TimedCall {
    private static ExecutorService worker = newWorker();

    private TimedCall() {}

    /**
     * @param call  the untrusted code
     * @param limit how long to wait for it
     * @param <T>   its result type
     * @return what it returned
     * @throws TimeoutException if it did not return within {@code limit} (or the wait was interrupted)
     */
    public static <T> T call(Callable<T> call, Duration limit) throws TimeoutException {
        Future<T> future = submit(call);
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon(future);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(future);
            throw new TimeoutException("interrupted while waiting for the call");
        } catch (ExecutionException e) {
            throw TimedCall.<RuntimeException>sneaky(e.getCause());
        }
    }

    /**
     * Ends the thread that runs the calls (the next call starts a fresh one), so that a JVM can show that no thread
     * of a finished job is left: a call still running (abandoned after its time limit) is interrupted.
     *
     * @param millis longest wait for the thread to end
     * @return whether it ended in time
     * @throws InterruptedException if interrupted while waiting
     */
    public static synchronized boolean endCalls(long millis) throws InterruptedException {
        ExecutorService ending = worker;
        worker = newWorker();
        ending.shutdownNow();
        return ending.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    /** Runs the call with the caller's context class loader, never keeping it afterwards. */
    private static synchronized <T> Future<T> submit(Callable<T> call) {
        ClassLoader callers = Thread.currentThread().getContextClassLoader();
        return worker.submit(() -> {
            Thread self = Thread.currentThread();
            self.setContextClassLoader(callers);
            try {
                return call.call();
            } finally {
                self.setContextClassLoader(null);
            }
        });
    }

    private static synchronized void abandon(Future<?> future) {
        future.cancel(true); // interrupts; a busy loop ignores that, but the daemon thread cannot hold the JVM
        worker.shutdownNow();
        worker = newWorker();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "timed-call");
            t.setDaemon(true);
            t.setContextClassLoader(null); // not the loader of whichever caller happened to start it
            return t;
        });
    }

    /** Rethrows any throwable (also a checked one) without wrapping, so its type and stack trace stay the code's. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
