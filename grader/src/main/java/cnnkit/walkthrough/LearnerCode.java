package cnnkit.walkthrough;

import cnnkit.grader.run.StudentClassLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The learner's compiled classes of package {@code cnn}, reached through {@link Implementation}.
 *
 * <p>Where the classes come from is this class's only concern: today a folder of compiled classes
 * ({@link #fromClasses}); a {@code --src DIR} option would compile the sources into a temporary folder (as the
 * grader's compile step does) and hand that folder to {@link #fromClasses}.
 */
public final class LearnerCode implements AutoCloseable {
    static final String PROBE = "cnnkit.walkthrough.probe.LearnerProbe";

    private final StudentClassLoader loader;
    private final Implementation implementation;

    private LearnerCode(StudentClassLoader loader, Implementation implementation) {
        this.loader = loader;
        this.implementation = implementation;
    }

    /**
     * @param classes a folder holding {@code cnn/*.class}, e.g. {@code exercises/target/classes}
     * @return the learner's code, ready to be called (each call still needs a time limit: see {@link Bounded})
     * @throws IllegalArgumentException if the folder does not exist or holds no {@code cnn} package
     */
    public static LearnerCode fromClasses(Path classes) {
        if (!Files.isDirectory(classes.resolve("cnn"))) {
            throw new IllegalArgumentException("no compiled classes of package cnn in " + classes
                + " — compile your code first (e.g. mvn -q -pl exercises compile) or pass --classes DIR");
        }
        StudentClassLoader loader = new StudentClassLoader(classes, LearnerCode.class.getClassLoader(),
            "cnnkit.walkthrough.probe.");
        try {
            Object probe = loader.loadClass(PROBE).getConstructor().newInstance();
            return new LearnerCode(loader, (Implementation) probe);
        } catch (ReflectiveOperationException | LinkageError e) {
            close(loader);
            throw new IllegalStateException("cannot load the walkthrough probe from " + classes + ": " + e, e);
        }
    }

    /** @return the learner's steps; a missing class or method shows up per call, as "not implemented" */
    public Implementation implementation() {
        return implementation;
    }

    @Override
    public void close() {
        close(loader);
    }

    private static void close(StudentClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
