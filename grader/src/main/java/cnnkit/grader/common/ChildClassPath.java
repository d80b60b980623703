package cnnkit.grader.common;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The class path a child JVM (a worker or the compiler server) gets: the grader's own (the shaded jar in use; the module's class folders and the
 * dependencies' jars in development), minus every entry that holds classes of package {@code cnn} (the exercise
 * stubs or the solutions), so the only {@code cnn} classes a worker can load are the submission's.
 */
public final class ChildClassPath {
    private static volatile String cached;

    private ChildClassPath() {}

    /** @return the worker class path, computed once per grader run */
    public static String get() {
        String cp = cached;
        if (cp == null) {
            List<String> kept = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (!entry.isEmpty() && !holdsStudentPackage(Path.of(entry))) {
                    kept.add(Path.of(entry).toAbsolutePath().toString());
                }
            }
            cp = String.join(File.pathSeparator, kept);
            cached = cp;
        }
        return cp;
    }

    /**
     * @param entry a class path entry (folder or jar)
     * @return true if it contains classes of package {@code cnn}
     */
    public static boolean holdsStudentPackage(Path entry) {
        if (Files.isDirectory(entry)) {
            return Files.isDirectory(entry.resolve("cnn"));
        }
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try (ZipFile jar = new ZipFile(entry.toFile())) {
            return jar.stream().anyMatch(e -> e.getName().startsWith("cnn/"));
        } catch (IOException e) {
            return false; // not a jar: nothing a JVM could load classes from
        }
    }
}
