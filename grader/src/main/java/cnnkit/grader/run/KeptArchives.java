package cnnkit.grader.run;

import cnnkit.grader.common.Trees;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Optional;

/**
 * Class-data sharing archives (AppCDS) kept in a folder from one grader run to the next ({@code grade --archives
 * DIR}), so that a run of one submission (Gradescope's, whose image is built once and then runs every submission)
 * starts its worker and compiler JVMs from archives made when the image was built instead of loading and verifying
 * their classes each time. A missing archive is made by the run that needs it: the workers' by a warm-up worker on
 * the exercise stubs ({@link WorkerArchive}), the compiler's as its JVM ends. Both hold classes of the JDK and the
 * grader only: no student's class is ever archived (workers load those from each submission's own folder, and javac
 * runs no student code). The JVM checks an archive when it maps it and ignores one that does not fit.
 */
public final class KeptArchives {
    /** The workers' archive in the folder. */
    public static final String WORKER = "worker.jsa";

    /** The compiler JVMs' archive in the folder. */
    public static final String JAVAC = "javac.jsa";

    private KeptArchives() {}

    /**
     * @param dir   the folder
     * @param steps the steps with hidden tests (what a warm-up runs if the workers' archive is missing)
     * @return the workers' archive, made now if missing, or empty if it cannot be made (grading works without)
     * @throws IOException if the folder cannot be written
     */
    public static Optional<Path> worker(Path dir, Collection<Step> steps) throws IOException {
        Path archive = dir.resolve(WORKER);
        if (Files.isRegularFile(archive)) {
            return Optional.of(archive);
        }
        Path making = Files.createTempDirectory(dir, ".making-"); // the warm-up worker's folder
        try {
            Optional<Path> made = WorkerArchive.create(making, steps);
            if (made.isPresent()) { // moved whole: a run never maps a half-written archive
                Files.move(made.get(), archive, StandardCopyOption.ATOMIC_MOVE);
                return Optional.of(archive);
            }
            return Optional.empty();
        } finally {
            Trees.delete(making);
        }
    }
}
