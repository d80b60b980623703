package cnnkit.grader.run;

import cnnkit.lecture.TimedCall;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a finished job left behind in a worker JVM. The worker serves another job only when it can show that nothing
 * is left: "no incident was seen" is not enough (a thread sleeping in a loop, or a static field holding most of the
 * heap, makes no incident, yet would change the next submission's grade).
 *
 * <p>Clean means, after the grader's own threads and caches that held the job's classes are let go:
 * <ul>
 *   <li>no thread is alive that was not there before the first job, in any state (sleeping and waiting ones
 *       too);</li>
 *   <li>the job's class loader has been collected (seen through a weak reference after {@code System.gc()}): no
 *       student class, hence no static field of one, survives;</li>
 *   <li>the heap in use after a collection is within {@link #HEAP_MARGIN} of what it was before the first job.</li>
 * </ul>
 */
final class Leftovers {
    /** Heap in use, after a collection, beyond the worker's baseline that still counts as clean. */
    static final long HEAP_MARGIN = 32L << 20;

    private static final int GC_TRIES = 4;
    private static final long THREAD_GRACE_MILLIS = 500;

    private final Set<Thread> own;
    private final long baseline;

    /** Takes the baseline: call before the first job, on the thread that will run the jobs. */
    Leftovers() {
        own = Thread.getAllStackTraces().keySet();
        baseline = usedAfterGc();
    }

    /**
     * @param loader the finished job's class loader (closed; no strong reference left in the caller)
     * @return null if the job left nothing behind, else what it left (for the worker's log)
     */
    String after(WeakReference<ClassLoader> loader) {
        try {
            if (!TimedCall.endCalls(THREAD_GRACE_MILLIS)) {
                return "a call into the student's code is still running";
            }
            LibraryCaches.clear();
            String threads = strayThreads();
            if (threads != null) {
                return "threads of the job are still alive: " + threads;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        // At least one collection, then the heap is measured right after the last one (a full collection costs
        // tens of milliseconds: one per job is the price of proving it clean, not three).
        int collections = 0;
        do {
            System.gc();
            collections++;
        } while (loader.get() != null && collections < GC_TRIES);
        if (loader.get() != null) {
            return "the job's class loader is still reachable";
        }
        long used = used();
        if (used > baseline + HEAP_MARGIN) {
            return "the heap holds " + (used >> 20) + " MiB after a collection (" + (baseline >> 20)
                    + " MiB before the first job)";
        }
        return null;
    }

    /** @return the threads not there before the first job that are still alive after a short grace, or null */
    private String strayThreads() throws InterruptedException {
        long deadline = System.nanoTime() + THREAD_GRACE_MILLIS * 1_000_000;
        while (true) {
            Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
            Set<Thread> stray = all.keySet().stream()
                    .filter(t -> t != Thread.currentThread() && !own.contains(t) && t.isAlive())
                    .collect(Collectors.toSet());
            if (stray.isEmpty()) {
                return null;
            }
            if (System.nanoTime() > deadline) {
                return stray.stream()
                        .map(t -> t.getName() + " (" + t.getState() + ")")
                        .collect(Collectors.joining(", "));
            }
            Thread.sleep(10);
        }
    }

    private static long usedAfterGc() {
        System.gc();
        return used();
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
