package cnnkit.grader.course;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.report.Points;
import cnnkit.grader.score.Rubric;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The student handout: a standalone Maven project (its own pom, no parent) with the exercise stubs, the public
 * tests with their per-step summary, the lecture data with its loader, a README and a GitHub Classroom workflow.
 *
 * <p>Everything comes from the {@code handout/} tree the grader jar carries (copied from the exercises and
 * lecture-data modules at build time). Solutions and hidden tests are never in that tree, so they cannot leak.
 */
public final class Handout {
    /** The top folder inside {@code --zip} archives, and the handout's artifact id. */
    public static final String TOP_FOLDER = "cnn-exercises";

    private static final String STUBS = "src/main/java/cnn/";
    /** The kit's folder of the stubs and public tests; in the handout they sit at {@code src/...}. */
    private static final String KIT_SOURCES = "exercises/src/";
    /** The stubs' kit command for one step's public tests, {@code <Step>} as group 1; the handout's is mvn test. */
    private static final Pattern KIT_COMMAND = Pattern.compile(
            "mvn -q -Pstudent -pl exercises -am test -Dtest=(\\w+) -Dsurefire\\.failIfNoSpecifiedTests=false");

    private final Map<Step, String> points;
    private final Map<Step, String> backpropPoints;
    private final Assignment classroom;

    /**
     * Part 1's handout: its README shows Part 2's points from the kit's Part 2 rubric, its Classroom workflow grades
     * Part 1's steps.
     *
     * @param points points per step as printed, for the README and the Classroom workflow (every step needs one)
     */
    public Handout(Map<Step, String> points) {
        this(points, CoursePoints.perStep(Rubric.defaults(Assignment.BACKPROP)), Assignment.FORWARD);
    }

    /**
     * @param points         Part 1's points per step, as above
     * @param backpropPoints Part 2's points per slot ({@link Assignment#BACKPROP}: a backward pass, or Training in
     *                       CrossEntropy's), for the README's Part 2 table
     * @param classroom      the part whose tests the GitHub Classroom workflow runs, with that part's points: Part 1's
     *                       steps, or Part 2's backward passes and Training ({@code handout --assignment backprop})
     */
    public Handout(Map<Step, String> points, Map<Step, String> backpropPoints, Assignment classroom) {
        this.points = Map.copyOf(points);
        this.backpropPoints = Map.copyOf(backpropPoints);
        this.classroom = classroom;
    }

    /**
     * Writes the handout into a folder.
     *
     * @param out the folder (created if missing; must be empty if it exists)
     * @return the files written, relative to {@code out}, sorted
     * @throws IllegalArgumentException if {@code out} is a file or a folder that is not empty
     */
    public List<Path> writeTo(Path out) throws IOException {
        if (Files.isRegularFile(out) || Files.isDirectory(out) && !isEmpty(out)) {
            throw new IllegalArgumentException(out + " exists and is not an empty folder: choose another --out");
        }
        Path tree = KitResources.folder("handout");
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path source : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = tree.relativize(source)
                        .toString()
                        .replace(source.getFileSystem().getSeparator(), "/");
                write(out, target(relative), content(relative, Files.readAllBytes(source)));
            }
        }
        write(
                out,
                ".github/workflows/classroom.yml",
                ClassroomWorkflow.yaml(classroom, classroom == Assignment.FORWARD ? points : backpropPoints)
                        .getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile)
                    .map(out::relativize)
                    .sorted()
                    .toList();
        }
    }

    /**
     * Writes the handout as a zip whose entries sit below {@value #TOP_FOLDER}{@code /}.
     *
     * @param zip the archive to write (replaced if it exists)
     */
    public void writeZip(Path zip) throws IOException {
        Path staging = Files.createTempDirectory("cnn-handout");
        try {
            List<Path> files = writeTo(staging);
            Path parent = zip.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream os = Files.newOutputStream(zip);
                    ZipOutputStream z = new ZipOutputStream(os)) {
                for (Path f : files) {
                    ZipEntry entry =
                            new ZipEntry(TOP_FOLDER + "/" + f.toString().replace('\\', '/'));
                    entry.setTime(0L); // the same handout gives the same bytes
                    z.putNextEntry(entry);
                    z.write(Files.readAllBytes(staging.resolve(f)));
                    z.closeEntry();
                }
            }
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * Dot-files do not survive Maven's resource copying (default excludes), so the tree holds them without dot:
     * {@code gitignore} and {@code mvn/} (Maven's per-project options: quiet, see the handout's pom).
     */
    private static String target(String relative) {
        if (relative.startsWith("mvn/")) {
            return "." + relative;
        }
        return relative.equals("gitignore") ? ".gitignore" : relative;
    }

    private byte[] content(String relative, byte[] bytes) {
        if (relative.equals("pom.xml")) {
            return KitResources.fill(new String(bytes, StandardCharsets.UTF_8), KitResources.versions())
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (relative.equals("README.md")) {
            return KitResources.fill(new String(bytes, StandardCharsets.UTF_8), readmePoints())
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (relative.startsWith(STUBS)) {
            // The stubs' messages and Javadoc name the kit's paths and command; in the handout the files sit at
            // src/... and the tests run with plain `mvn test`.
            String text = new String(bytes, StandardCharsets.UTF_8).replace(KIT_SOURCES, "src/");
            return KIT_COMMAND.matcher(text).replaceAll("mvn test -Dtest=$1").getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    /**
     * @return the folder of what a student starts from in package {@code cnn}: the stubs and the given code (the
     *     handout's {@code src/main/java/cnn}), e.g. as the base code that the similarity of submissions leaves out
     */
    public static Path studentStart() {
        return KitResources.folder("handout/src/main/java/cnn");
    }

    /**
     * @return {@code points.<Step>} per step and {@code points.total}, and {@code points.<unit>} per Part 2 unit and
     *     {@code points.backprop}, for the README's tables
     */
    private Map<String, String> readmePoints() {
        Map<String, String> values = new LinkedHashMap<>();
        double total = 0;
        for (Step step : Step.values()) {
            values.put("points." + step.className(), points.get(step));
            total += Double.parseDouble(points.get(step));
        }
        values.put("points.total", Points.format(total));
        double backprop = 0;
        for (Step step : Assignment.BACKPROP.steps()) {
            String unit = Assignment.BACKPROP.unit(step).orElseThrow();
            values.put("points." + unit, backpropPoints.get(step));
            backprop += Double.parseDouble(backpropPoints.get(step));
        }
        values.put("points.backprop", Points.format(backprop));
        return values;
    }

    private static void write(Path out, String relative, byte[] bytes) throws IOException {
        Path target = out.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
