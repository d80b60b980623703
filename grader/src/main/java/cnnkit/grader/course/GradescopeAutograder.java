package cnnkit.grader.course;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.report.ResultsJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A Gradescope autograder zip: {@code setup.sh} (installs a JDK 17 on Gradescope's Ubuntu image and runs
 * {@code make_archives}, which makes class-data archives for a faster start of every run),
 * {@code run_autograder} (runs the kit's {@code grade} on {@code $AUTOGRADER_ROOT/submission} and copies its
 * results.json to {@code $AUTOGRADER_ROOT/results/}) and the grader jar itself.
 *
 * <p>Gradescope unpacks the zip into {@code /autograder/source}, runs {@code setup.sh} once per image, then
 * {@code run_autograder} once per submission; {@code AUTOGRADER_ROOT} lets the same flow run anywhere.
 */
public final class GradescopeAutograder {
    /** The jar's name inside the zip (run_autograder calls it by this name). */
    public static final String JAR = "cnn-grader.jar";
    /** Visibilities Gradescope accepts for a test. */
    public static final List<String> VISIBILITIES = ResultsJson.Presentation.VISIBILITIES;
    /** Heap of the grading JVM on Gradescope: with a worker's cap it stays well inside the 768 MB container. */
    public static final String XMX = "256m";
    /**
     * Default seconds one run may take before run_autograder stops the grader and reports it: a minute below
     * Gradescope's default timeout (600 s), leaving the 10 s kill margin and the writing of results.json room.
     */
    public static final int TIME_LIMIT_SECONDS = 540;
    /** Seconds run_autograder waits after stopping the grader before it kills it. */
    public static final int KILL_AFTER_SECONDS = 10;

    private final String visibility;
    private final boolean stepOutput;
    private final int timeLimit;
    private final Assignment assignment;

    /**
     * @param visibility Gradescope visibility of the hidden checks, one of {@link #VISIBILITIES}
     * @param stepOutput whether each check's output (input, expected, actual, hint) is shown
     */
    public GradescopeAutograder(String visibility, boolean stepOutput) {
        this(visibility, stepOutput, TIME_LIMIT_SECONDS);
    }

    /**
     * @param visibility Gradescope visibility of the hidden checks, one of {@link #VISIBILITIES}
     * @param stepOutput whether each check's output (input, expected, actual, hint) is shown
     * @param timeLimit  seconds a run may take before run_autograder stops the grader, at least 1
     */
    public GradescopeAutograder(String visibility, boolean stepOutput, int timeLimit) {
        this(visibility, stepOutput, timeLimit, Assignment.FORWARD);
    }

    /**
     * @param visibility Gradescope visibility of the hidden checks, one of {@link #VISIBILITIES}
     * @param stepOutput whether each check's output (input, expected, actual, hint) is shown
     * @param timeLimit  seconds a run may take before run_autograder stops the grader, at least 1
     * @param assignment what the autograder grades: Part 1 ({@code forward}) or Part 2 ({@code backprop})
     */
    public GradescopeAutograder(String visibility, boolean stepOutput, int timeLimit, Assignment assignment) {
        if (!VISIBILITIES.contains(visibility)) {
            throw new IllegalArgumentException(
                    "visibility must be one of " + VISIBILITIES + ", not '" + visibility + "'");
        }
        if (timeLimit < 1) {
            throw new IllegalArgumentException("the time limit must be at least 1 second, not " + timeLimit);
        }
        this.visibility = visibility;
        this.stepOutput = stepOutput;
        this.timeLimit = timeLimit;
        this.assignment = java.util.Objects.requireNonNull(assignment, "assignment");
    }

    /** @return the two scripts by name, filled with this autograder's options */
    public Map<String, String> scripts() {
        Map<String, String> values = Map.of(
                "assignment",
                assignment.id(),
                "visibility",
                visibility,
                "step-output",
                stepOutput ? "--step-output" : "--no-step-output",
                "xmx",
                XMX,
                "time-limit",
                String.valueOf(timeLimit),
                "kill-after",
                String.valueOf(KILL_AFTER_SECONDS));
        Map<String, String> scripts = new LinkedHashMap<>();
        for (String name : List.of("setup.sh", "make_archives", "run_autograder")) {
            scripts.put(name, KitResources.fill(KitResources.text("gradescope/" + name), values));
        }
        return scripts;
    }

    /**
     * Writes the zip: the scripts at its top with the jar beside them.
     *
     * @param zip the archive to write (replaced if it exists)
     * @param jar the grader jar to ship
     */
    public void writeZip(Path zip, Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no grader jar at " + jar);
        }
        Path parent = zip.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream os = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(os)) {
            for (Map.Entry<String, String> script : scripts().entrySet()) {
                put(z, script.getKey(), script.getValue().getBytes(StandardCharsets.UTF_8));
            }
            put(z, JAR, Files.readAllBytes(jar));
        }
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0L);
        z.putNextEntry(entry);
        z.write(bytes);
        z.closeEntry();
    }

    /**
     * @return the jar this code runs from, or empty when it runs from a classes folder (an IDE, the build's tests)
     */
    public static Optional<Path> runningJar() {
        CodeSource source = GradescopeAutograder.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) && location.toString().endsWith(".jar")
                    ? Optional.of(location)
                    : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
