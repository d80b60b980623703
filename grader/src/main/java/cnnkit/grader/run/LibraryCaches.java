package cnnkit.grader.run;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Caches of the test libraries that keep a finished job's hidden test classes (and so its class loader and every
 * student class) reachable in a worker JVM. Found with a heap dump of a worker after a job: the path from a GC root to
 * the job's {@link StudentClassLoader} ran through these fields.
 *
 * <ul>
 *   <li>jqwik's {@code GenericsSupport.contextsCache}: an unbounded static map from every type jqwik resolved
 *       (test classes included) to its generic context.</li>
 * </ul>
 *
 * If a library update renames a field, clearing fails quietly, the job's class loader stays reachable, and the
 * worker is replaced instead of reused: slower, never unsafe.
 */
final class LibraryCaches {
    private LibraryCaches() {}

    /** Empties the caches this worker's libraries keep across jobs (only the grader's own code calls it). */
    static void clear() {
        try {
            Class<?> generics = Class.forName("net.jqwik.engine.support.GenericsSupport");
            Field cache = generics.getDeclaredField("contextsCache");
            cache.setAccessible(true);
            synchronized (generics) { // its methods are static synchronized
                ((Map<?, ?>) cache.get(null)).clear();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // see the class comment: the worker is then not reused
        }
    }
}
