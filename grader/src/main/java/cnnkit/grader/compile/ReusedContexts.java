package cnnkit.grader.compile;

import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.Writer;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticListener;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * javac's own pool of reusable compiler contexts ({@code com.sun.tools.javac.api.JavacTaskPool}, the one JShell
 * compiles with), for the compiler JVM that compiles one submission after another. A fresh task reads the JDK's
 * symbols (java.lang, java.util, …) again each time; a reused context keeps them and drops everything that came
 * from the previous task's sources, so one submission's classes are never seen by the next (tested:
 * {@code JavacProcessTest}). That halves a warm compile's CPU time (about 65 → 35 ms for the nine files of a
 * correct submission, grader/bench/README.md).
 *
 * <p>One file manager serves every compilation, pointed at each one's output folder in turn: with
 * {@code --release}, JDK 17's reused context keeps the file manager of its first task (wrapped with the platform's
 * classes), so a file manager per task would write every submission's classes into the first one's folder. Its
 * cached file contents are flushed before each task.
 *
 * <p>The pool is internal to the JDK: it is reached by reflection, and only where its package is exported to the
 * class path ({@link #EXPORT}, on the compiler JVM's command line). Elsewhere {@link #open()} returns null and the
 * compiler takes a fresh task each time.
 */
final class ReusedContexts {
    /** The JVM option that makes the pool reachable. */
    static final String EXPORT = "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED";

    private static final String POOL = "com.sun.tools.javac.api.JavacTaskPool";

    private final Object pool;
    private final Method getTask;
    private final Object call;
    private final Forward diagnostics = new Forward();
    private final StandardJavaFileManager fm = JdkCompiler.fileManager(diagnostics);

    private ReusedContexts(Object pool, Method getTask, Object call) {
        this.pool = pool;
        this.getTask = getTask;
        this.call = call;
    }

    /** @return a pool of one context (one compiler thread, one set of options), or null where it is not reachable */
    static ReusedContexts open() {
        try {
            Class<?> type = Class.forName(POOL);
            Class<?> worker = Class.forName(POOL + "$Worker");
            Method getTask = type.getMethod(
                    "getTask",
                    Writer.class,
                    JavaFileManager.class,
                    DiagnosticListener.class,
                    Iterable.class,
                    Iterable.class,
                    Iterable.class,
                    worker);
            Object call = MethodHandleProxies.asInterfaceInstance(
                    worker,
                    MethodHandles.lookup()
                            .findStatic(
                                    ReusedContexts.class,
                                    "call",
                                    MethodType.methodType(Object.class, JavacTask.class)));
            return new ReusedContexts(type.getConstructor(int.class).newInstance(1), getTask, call);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // not exported (IllegalAccessException), or a JDK without the pool
        }
    }

    /**
     * Compiles on the reused context, with {@link JdkCompiler#OPTIONS}.
     *
     * @param files  the source files
     * @param out    the (empty) folder for the classes
     * @param report where this compilation's diagnostics go
     * @return whether it succeeded
     */
    boolean compile(List<Path> files, Path out, DiagnosticListener<JavaFileObject> report) throws IOException {
        fm.flush(); // no source read by an earlier task is taken from the cache
        JdkCompiler.locations(fm, out);
        diagnostics.to = report;
        try {
            return (Boolean) getTask.invoke(
                    pool, null, fm, report, JdkCompiler.OPTIONS, null, fm.getJavaFileObjectsFromPaths(files), call);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            diagnostics.to = null;
        }
    }

    /** Lets go of the file manager (after javac failed in this context: a fresh pool takes over). */
    void close() {
        try {
            fm.close();
        } catch (IOException e) {
            // nothing held that outlives this JVM
        }
    }

    private static Object call(JavacTask task) {
        return task.call();
    }

    /** The file manager's own diagnostics (such as unreadable bytes), to the current compilation's listener. */
    private static final class Forward implements DiagnosticListener<JavaFileObject> {
        private DiagnosticListener<JavaFileObject> to;

        @Override
        public void report(javax.tools.Diagnostic<? extends JavaFileObject> d) {
            if (to != null) {
                to.report(d);
            }
        }
    }
}
