package cnnkit.grader.run;

import cnnkit.grader.Step;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An AppCDS archive for the worker JVMs: the classes a worker loads (JUnit Platform, jqwik, AssertJ, the hidden
 * tests) are parsed and verified once and then mapped into every later worker, which roughly halves a worker's
 * start-up CPU time. Each worker is still a fresh JVM; only read-only class metadata is shared.
 *
 * <p>The archive is made once per JDK and grader build (its file name hashes both) by a worker run on trusted classes
 * (the kit's own correct implementation), never on a student's code, and kept in the user's cache folder
 * ({@code -Dcnnkit.cache=DIR} to move it, {@code -Dcnnkit.cds=off} to go without). If it cannot be made (e.g. class
 * folders instead of the jar on the class path), workers simply start without it.
 */
public final class WorkerArchive {
    private static final long CREATE_SECONDS = 120;

    private WorkerArchive() {
    }

    /** @return the JVM options that map the archive into a worker, or none if there is no archive (yet) */
    public static List<String> options() {
        Path archive = file();
        return archive != null && Files.isRegularFile(archive)
            ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:disable") : List.of();
    }

    /**
     * Makes the archive if it does not exist yet, by running one worker on trusted classes until it exits.
     *
     * @param trustedClasses compiled classes of a correct implementation (never a student's)
     * @param steps          the steps whose hidden tests to load
     * @param work           a folder for the run's temporary files
     * @return true if an archive exists afterwards
     */
    public static boolean ensure(Path trustedClasses, Collection<Step> steps, Path work) {
        Path archive = file();
        if (archive == null || Files.isRegularFile(archive)) {
            return archive != null;
        }
        try {
            Files.createDirectories(archive.getParent());
            Path tmp = Files.createDirectories(work.resolve("cds-tmp"));
            Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".part");
            List<String> cmd = ForkedRunner.workerCommand(tmp, List.of("-XX:ArchiveClassesAtExit=" + partial,
                "-Xlog:disable"));
            Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream()) {
                String names = steps.stream().map(Step::className).collect(Collectors.joining(","));
                in.write(("cds\n" + trustedClasses.toAbsolutePath() + "\n" + names + "\n\n").getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(CREATE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            if (Files.isRegularFile(partial) && Files.size(partial) > 0) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            return false; // no archive: workers start the ordinary way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return Files.isRegularFile(archive);
    }

    /**
     * @return where the archive for this JDK and worker class path lives, or null when archives are switched off or
     *         impossible: the JDK archives classes from jars only, so a development class path with class folders
     *         (e.g. in the module's tests) gets none
     */
    static Path file() {
        if ("off".equals(System.getProperty("cnnkit.cds"))
            || Arrays.stream(WorkerClassPath.get().split(File.pathSeparator)).anyMatch(e -> new File(e).isDirectory())) {
            return null;
        }
        String configured = System.getProperty("cnnkit.cache");
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path folder = configured != null ? Path.of(configured)
            : xdg != null && !xdg.isBlank() ? Path.of(xdg, "cnnkit") : Path.of(System.getProperty("user.home"), ".cache", "cnnkit");
        return folder.resolve("worker-" + key() + ".jsa").toAbsolutePath();
    }

    /** A hash of the JDK and of every worker class path entry's name, size and time: a rebuilt jar gets a new archive. */
    private static String key() {
        StringBuilder id = new StringBuilder(System.getProperty("java.home")).append('|')
            .append(System.getProperty("java.vm.version"));
        for (String entry : WorkerClassPath.get().split(File.pathSeparator)) {
            File f = new File(entry);
            id.append('|').append(entry).append(':').append(f.length()).append(':').append(f.lastModified());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
