package cnnkit.grader.compile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Java compiler: compiles source files into a folder and says which files have errors. Either the JDK's compiler
 * in this JVM ({@link #IN_PROCESS}, for the grader's own sources) or a compiler JVM of its own with a time and memory
 * limit ({@link JavacProcess}, for the students').
 */
public interface Javac {
    /** The JDK's compiler in this JVM, without a time limit: only for sources the grader trusts (the stubs). */
    Javac IN_PROCESS = (files, out, deadline) -> JdkCompiler.compile(files, out);

    /**
     * Compiles into a fresh {@code out} (emptied first), against the JDK only, without annotation processing.
     *
     * @param files    the source files
     * @param out      the folder for the classes
     * @param deadline by when it must be done (a wait for a compiler, not compiling, postpones it)
     * @return the error messages (e.g. "line 3: ';' expected") per source file, absolute and normalised; empty
     *     when it compiled
     * @throws IOException if {@code out} cannot be written or the compiler cannot be started
     * @throws Stopped     if the compiler did not finish: too slow, out of memory, crashed
     */
    Map<Path, List<String>> compile(List<Path> files, Path out, Deadline deadline) throws IOException, Stopped;

    /** @return how long the compilation of one submission may take, all rounds together */
    default Duration limit() {
        return Duration.ofDays(1);
    }

    /**
     * When the compilation of one submission must be done, all its rounds together: a limit on compiling, so time
     * spent waiting for a compiler another submission holds is added to it (by the compiler that waited), in every
     * round, not only the one that waited.
     */
    final class Deadline {
        private long at;

        private Deadline(long at) {
            this.at = at;
        }

        /** @return a deadline this long from now */
        public static Deadline in(Duration limit) {
            return new Deadline(System.nanoTime() + limit.toNanos());
        }

        /** @return the {@link System#nanoTime()} by which it must be done */
        public synchronized long at() {
            return at;
        }

        /** Adds time that did not count (e.g. waiting for a compiler). */
        public synchronized void postpone(long nanos) {
            at += Math.max(0, nanos);
        }
    }

    /** The compiler did not finish: the message says why, for the student. */
    final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message why, e.g. "compiling your files took longer than 60 s" */
        public Stopped(String message) {
            super(message);
        }
    }
}
