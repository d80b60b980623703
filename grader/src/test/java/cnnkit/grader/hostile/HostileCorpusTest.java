package cnnkit.grader.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.cli.Main;
import cnnkit.grader.testing.Csv;
import cnnkit.grader.testing.Markdown;
import cnnkit.grader.testing.Submissions;
import cnnkit.grader.testing.Zips;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus: one submission per threat, graded in ONE run of {@code grade --class} together with two honest
 * submissions. Every threat must leave the grader running, get its row with the step it attacks at 0 and a clear
 * reason, change nothing outside the output folder, leak no secret, and leave the honest submissions graded exactly
 * as when they are graded alone.
 *
 * <p>Folder threats are in {@code src/test/resources/hostile/<threat>}; archives, links, huge and non-UTF-8 files are
 * made here. Most threats are stopped by the bytecode check before any JVM starts, which keeps this run short.
 */
@DisplayName("The hostile corpus")
class HostileCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/hostile");
    private static final Path SOLUTIONS = Submissions.SOLUTIONS;
    private static final String SECRET_PROPERTY = "cnnkit.test.secret";
    private static final String SECRET = "S3CRET-" + Long.toHexString(Double.doubleToLongBits(Math.PI));
    private static final Pattern EXECUTION_TIME = Pattern.compile("\"execution_time\":\\s*([0-9.]+)");
    /** The heading a file name tries to inject: a step the submission does not have, passed (no "/": a file name). */
    private static final String FORGED_HEADING = "## Extra 1 — Softmax: all checks passed";

    private static final List<String> HONEST = List.of("honest-partial", "honest-solution");

    @TempDir
    static Path temp;

    private static Path classDir;
    private static Path out;
    private static Path outAlone;
    private static int exitStatus;
    private static Map<String, Long> before;
    private static Map<String, CSVRecord> rows;

    /** A threat, the step it must cost and the reason the student reads (a regular expression). */
    record Threat(String id, Step step, String reason) {
        @Override
        public String toString() {
            return id;
        }
    }

    static Stream<Threat> threats() {
        return Stream.of(
                new Threat("exit", Step.SOFTMAX, "calls System.exit"),
                new Threat("halt", Step.SOFTMAX, "calls Runtime.halt"),
                new Threat("sleep", Step.SOFTMAX, "calls Thread.sleep"),
                new Threat("deadlock", Step.SOFTMAX, "creates a Thread"),
                new Threat("thread-outlives", Step.SOFTMAX, "creates a Thread"),
                new Threat("shutdown-hook", Step.SOFTMAX, "calls Runtime.addShutdownHook"),
                new Threat("catch-throwable", Step.SOFTMAX, "catches Throwable"),
                new Threat("catch-suppressed", Step.SOFTMAX, "catches Throwable"),
                new Threat("many-files", Step.SOFTMAX, "calls java.nio.file.Files.createTempFile"),
                new Threat("read-passwd", Step.SOFTMAX, "creates a java.io.FileReader"),
                new Threat("read-other-submissions", Step.SOFTMAX, "creates a java.io.File"),
                new Threat("getenv-secret", Step.SOFTMAX, "calls System.getenv"),
                new Threat("socket", Step.SOFTMAX, "creates a java.net.Socket"),
                new Threat("process", Step.SOFTMAX, "creates a ProcessBuilder"),
                new Threat("native", Step.SOFTMAX, "declares a native method"),
                new Threat("reflection", Step.SOFTMAX, "calls java.lang.reflect.Field.setAccessible"),
                new Threat("method-handles", Step.SOFTMAX, "calls java.lang.invoke.MethodHandles.lookup"),
                new Threat("set-out", Step.SOFTMAX, "calls System.setOut"),
                new Threat("write-results-json", Step.SOFTMAX, "creates a java.io.FileWriter"),
                new Threat("class-path", Step.SOFTMAX, "calls System.getProperty"),
                new Threat("load-hidden-tests", Step.SOFTMAX, "calls Class.forName"),
                new Threat("interface-init", Step.SOFTMAX, "Escape.java, method run, line \\d+: calls java.nio.file"),
                new Threat(
                        "inherited-message", Step.SOFTMAX, "Loud.java, method getMessage, line \\d+: calls java.nio"),
                new Threat("forged-score", Step.SOFTMAX, "Forge.java, method forge, line \\d+: calls java.nio.file"),
                new Threat("sleeping-saboteur", Step.SOFTMAX, "creates a Thread"),
                new Threat("setsid-escape", Step.SOFTMAX, "creates a ProcessBuilder"),
                new Threat("stack-trace", Step.SOFTMAX, "calls RuntimeException.getStackTrace .*reads the call stack"),
                new Threat("shadow-packages", Step.RELU, "outside package cnn"),
                new Threat("infinite-loop", Step.RELU, "did not finish"),
                new Threat("print-gigabytes", Step.RELU, "did not finish"),
                new Threat("allocate-memory", Step.RELU, "OutOfMemoryError|did not finish"),
                new Threat("unbounded-recursion", Step.RELU, "StackOverflowError|did not finish"),
                new Threat("fake-results", Step.RELU, "Relu\\."),
                new Threat("huge-messages", Step.RELU, "more characters not shown"),
                new Threat("javac-stall", Step.RELU, "took longer than|of memory"),
                new Threat("step-in-helper", Step.RELU, "declares a class Relu"),
                new Threat("folder-symlink", Step.RELU, "Relu.java: a link, not a file"),
                new Threat("huge-file", Step.RELU, "Relu.java: larger than"),
                new Threat("zip-symlink", Step.RELU, "No Java file"));
    }

    /** Archives the grader must refuse, with a fragment of the reason. */
    static Stream<Threat> rejected() {
        return Stream.of(
                new Threat("zip-slip", null, "outside the submission"),
                new Threat("zip-absolute", null, "absolute path"),
                new Threat("zip-backslash", null, "outside the submission"),
                new Threat("zip-bomb", null, "MiB"),
                new Threat("zip-many-entries", null, "entries"),
                new Threat("not-a-zip", null, "not a readable zip"),
                new Threat("zero-bytes", null, "not a readable zip"));
    }

    @BeforeAll
    static void gradeTheCorpusOnce() throws IOException {
        classDir = Files.createDirectories(temp.resolve("class"));
        try (Stream<Path> threats = Files.list(CORPUS)) {
            for (Path threat : threats.toList()) {
                Path copy = classDir.resolve(threat.getFileName().toString());
                copyTree(threat, copy);
                takeFromSolutions(copy);
            }
        }
        makeHonest(classDir);
        makeTrees(classDir);
        makeArchives(classDir);
        Files.writeString(Files.createDirectories(temp.resolve("bystander")).resolve("notes.txt"), "not yours");
        before = snapshot(temp);
        System.setProperty(SECRET_PROPERTY, SECRET);
        try {
            out = temp.resolve("out");
            exitStatus = Main.run(
                    "grade",
                    "--class",
                    classDir.toString(),
                    "--out",
                    out.toString(),
                    "--jobs",
                    "2",
                    "--timeout",
                    "60",
                    "--compile-timeout",
                    "10");
            outAlone = temp.resolve("out-alone");
            Main.run(
                    "grade",
                    classDir.resolve(HONEST.get(0)).toString(),
                    classDir.resolve(HONEST.get(1)).toString(),
                    "--out",
                    outAlone.toString(),
                    "--jobs",
                    "2");
        } finally {
            System.clearProperty(SECRET_PROPERTY);
        }
        rows = Csv.gradebook(out);
        printSlowest(out);
    }

    @Test
    @DisplayName("the grader keeps running and gives every submission its row")
    void everySubmissionHasARow() throws IOException {
        assertThat(exitStatus).isZero();
        try (Stream<Path> children = Files.list(classDir)) {
            assertThat(rows.keySet())
                    .containsExactlyInAnyOrderElementsOf(
                            children.map(p -> p.getFileName().toString().replaceFirst("\\.zip$", ""))
                                    .toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threats")
    @DisplayName("each threat costs its step, with a reason the student can read")
    void threatCostsItsStep(Threat threat) throws IOException {
        CSVRecord row = rows.get(threat.id());
        assertThat(row.get("status")).as(threat.id()).isIn("graded", "compile_error", "no_sources");
        assertThat(row.get(threat.step().className()))
                .as(threat.id() + " " + threat.step())
                .isEqualTo("0");
        assertThat(feedback(out, threat.id())).as(threat.id()).containsPattern(threat.reason());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    @DisplayName("each hostile archive is rejected, with the reason")
    void hostileArchivesAreRejected(Threat threat) throws IOException {
        assertThat(rows.get(threat.id()).get("status")).as(threat.id()).isEqualTo("rejected");
        assertThat(rows.get(threat.id()).get("score")).isEqualTo("0");
        assertThat(feedback(out, threat.id())).as(threat.id()).contains(threat.reason());
    }

    @Test
    @DisplayName("empty hand-ins have no sources; non-UTF-8 sources and thousands of files are graded, never crash")
    void oddButHarmless() throws IOException {
        assertThat(rows.get("empty-folder").get("status")).isEqualTo("no_sources");
        assertThat(rows.get("empty-zip").get("status")).isEqualTo("no_sources");
        assertThat(rows.get("non-utf8").get("status")).isIn("graded", "compile_error");
        assertThat(feedback(out, "non-utf8")).containsAnyOf("Relu.java", "All checks passed");
        List<String> many = rows.get("thousands-of-files").toList();
        List<String> partial = rows.get("honest-partial").toList(); // the same code without the 3000 files
        assertThat(many.subList(1, many.size())).isEqualTo(partial.subList(1, partial.size()));
    }

    @Test
    @DisplayName("text from student code never becomes the report's Markdown: no forged heading, link or HTML")
    void noMarkdownInjection() throws IOException {
        for (String file : List.of("feedback.md", "results.json")) {
            String text = Files.readString(out.resolve("huge-messages").resolve(file));
            String md = file.endsWith(".json")
                    ? com.google.gson.JsonParser.parseString(text)
                            .getAsJsonObject()
                            .getAsJsonArray("tests")
                            .toString()
                            .replace("\\n", "\n")
                    : text;
            assertThat(Markdown.outsideCode(md))
                    .as(file)
                    .noneMatch(line -> line.startsWith("## Step 1(b) — Relu: 8 / 8"))
                    .noneMatch(line -> line.replace("\\<img", "").contains("<img") || line.contains("[click]"));
            assertThat(text.getBytes(StandardCharsets.UTF_8).length).as(file).isLessThan(128 * 1024);
        }
    }

    @Test
    @DisplayName(
            "odd names cost nothing: a name too long is skipped and said so, a name with new lines forges no heading")
    void oddNamesCostNothing() throws IOException {
        String relu = Step.RELU.className();
        for (String id : List.of("zip-long-name", "odd-names")) {
            assertThat(rows.get(id).get("status")).as(id).isEqualTo("graded");
            assertThat(rows.get(id).get(relu))
                    .as(id)
                    .isEqualTo(rows.get("honest-partial").get(relu));
        }
        assertThat(feedback(out, "zip-long-name")).contains("was skipped").contains("longer than 255 bytes");
        assertThat(Markdown.outsideCode(feedback(out, "odd-names"))).noneMatch(l -> l.startsWith(FORGED_HEADING));
    }

    @Test
    @DisplayName(
            "an OutOfMemoryError costs the checks it happened in: the step's other checks and the other steps keep "
                    + "their points")
    void outOfMemoryCostsItsCheck() throws IOException {
        CSVRecord oom = rows.get("oom-one-check");
        CSVRecord honest = rows.get("honest-solution");
        String relu = Step.RELU.className();
        assertThat(oom.get("status")).isEqualTo("graded");
        assertThat(Double.parseDouble(oom.get(relu))).isPositive().isLessThan(Double.parseDouble(honest.get(relu)));
        for (Step step : Step.values()) {
            if (step != Step.RELU) {
                assertThat(oom.get(step.className())).as(step.toString()).isEqualTo(honest.get(step.className()));
            }
        }
        assertThat(feedback(out, "oom-one-check")).contains("OutOfMemoryError");
    }

    @Test
    @DisplayName("a stalled compiler or a step declared in a helper costs steps, never the submission's row")
    void compilerTricksCostSteps() {
        assertThat(rows.get("javac-stall").get("status")).isEqualTo("compile_error");
        assertThat(rows.get("step-in-helper").get("status")).isEqualTo("graded");
        assertThat(rows.get("step-in-helper").get(Step.FLATTENING.className())).isNotEqualTo("0");
    }

    @Test
    @DisplayName("the honest submissions are graded exactly as when graded alone")
    void honestSubmissionsUnaffected() throws IOException {
        Map<String, CSVRecord> alone = Csv.gradebook(outAlone);
        for (String id : HONEST) {
            assertThat(rows.get(id).toList()).as(id).isEqualTo(alone.get(id).toList());
            assertThat(withoutTiming(out.resolve(id).resolve("results.json")))
                    .isEqualTo(withoutTiming(outAlone.resolve(id).resolve("results.json")));
        }
        assertThat(rows.get("honest-solution").get("status")).isEqualTo("graded");
        assertThat(rows.get("honest-solution").get(Step.RELU.className())).isNotEqualTo("0");
    }

    @Test
    @DisplayName("nothing outside the output folder changed, no secret leaked, and the output stays small")
    void containedAndQuiet() throws IOException {
        Map<String, Long> after = snapshot(temp);
        after.keySet().removeIf(p -> p.startsWith("out/") || p.startsWith("out-alone/"));
        assertThat(after).isEqualTo(before);
        assertThat(Path.of(System.getProperty("java.io.tmpdir"), "cnnkit-hostile-was-here"))
                .doesNotExist();
        String path = System.getenv().getOrDefault("PATH", "");
        Map<String, Long> bytesPerSubmission = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                assertThat(text).as(f.toString()).doesNotContain(SECRET);
                if (path.length() > 20) {
                    assertThat(text).as(f.toString()).doesNotContain(path);
                }
                bytesPerSubmission.merge(out.relativize(f).getName(0).toString(), Files.size(f), Long::sum);
            }
        }
        assertThat(bytesPerSubmission)
                .as("bytes written per submission (printing gigabytes included)")
                .allSatisfy((id, bytes) -> assertThat(bytes).as(id).isLessThan(256 * 1024));
    }

    // --- the corpus ------------------------------------------------------------------------------------------

    private static void makeHonest(Path dir) throws IOException {
        Path full = Files.createDirectories(dir.resolve("honest-solution/src/main/java/cnn"));
        copyTree(SOLUTIONS, full);
        onlyRelu(dir.resolve("honest-partial/cnn")); // a student who has done Step 1(b) only
    }

    /** A hand-in with the reference's ReLU only: one step to run keeps the corpus quick. */
    private static Path onlyRelu(Path cnn) throws IOException {
        Files.createDirectories(cnn);
        for (String file : List.of("Relu.java", "Require.java")) {
            Files.copy(SOLUTIONS.resolve(file), cnn.resolve(file));
        }
        return cnn;
    }

    /** A threat's {@code from-solutions.txt} names the reference files it keeps as they are (not copied into git). */
    private static void takeFromSolutions(Path threat) throws IOException {
        Path list = threat.resolve("from-solutions.txt");
        if (Files.exists(list)) {
            for (String file : Files.readAllLines(list)) {
                Files.copy(SOLUTIONS.resolve(file), threat.resolve("cnn").resolve(file));
            }
            Files.delete(list);
        }
    }

    /** Folder threats that cannot be stored in git as they are. */
    private static void makeTrees(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("empty-folder"));

        Path links = Files.createDirectories(dir.resolve("folder-symlink/cnn"));
        Files.createSymbolicLink(links.resolve("Relu.java"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(
                links.resolve("Softmax.java"),
                dir.resolve("honest-solution/src/main/java/cnn/Softmax.java").toAbsolutePath());
        Files.createSymbolicLink(
                dir.resolve("folder-symlink/outside"),
                dir.resolve("honest-solution").toAbsolutePath());

        Path huge = Files.createDirectories(dir.resolve("huge-file/cnn"));
        Files.writeString(
                huge.resolve("Relu.java"),
                "package cnn;\n/*" + " ".repeat(2 << 20) + "*/\n" + "public final class Relu { }\n");

        Path latin = onlyRelu(dir.resolve("non-utf8/cnn"));
        String relu = Files.readString(latin.resolve("Relu.java"));
        Files.write(
                latin.resolve("Relu.java"),
                ("// Größe, Übung, café: saved as ISO-8859-1\n" + relu).getBytes(StandardCharsets.ISO_8859_1));

        Path oom = Files.createDirectories(dir.resolve("oom-one-check/cnn")); // issue 11, hole 8
        copyTree(SOLUTIONS, oom);
        String stack = "public static double[][][] apply(double[][][] featureMaps) {";
        replaceIn(
                oom.resolve("Relu.java"),
                stack,
                stack + " long[][] hoard = new long[1 << 12][];"
                        + " for (int i = 0; i < hoard.length; i++) { hoard[i] = new long[1 << 20]; }");

        Path hog = Files.createDirectories(dir.resolve("heap-hog/cnn")); // issue 11, hole 7: a saboteur
        copyTree(SOLUTIONS, hog);
        String reluClass = "public final class Relu {";
        replaceIn(
                hog.resolve("Relu.java"),
                reluClass,
                reluClass + " static final long[][] HOARD = new long[150][1 << 17];");

        Path odd = onlyRelu(dir.resolve("odd-names/cnn"));
        Files.writeString(odd.resolve("notes\n" + FORGED_HEADING + "\n.txt"), "a file name with new lines");

        onlyRelu(dir.resolve("thousands-of-files/src/main/java/cnn"));
        Path data = Files.createDirectories(dir.resolve("thousands-of-files/data"));
        for (int i = 0; i < 3000; i++) {
            Files.writeString(data.resolve("sample-" + i + ".txt"), Integer.toString(i));
        }
    }

    private static void makeArchives(Path dir) throws IOException {
        String relu = Files.readString(SOLUTIONS.resolve("Relu.java"));
        zip(dir.resolve("zip-slip.zip"), Map.of("cnn/Relu.java", relu, "../../zip-slip-escaped.txt", "gotcha"));
        zip(dir.resolve("zip-absolute.zip"), Map.of("cnn/Relu.java", relu, "/cnnkit-absolute-entry.txt", "gotcha"));
        zip(dir.resolve("zip-backslash.zip"), Map.of("cnn/Relu.java", relu, "..\\..\\zip-slip-escaped.txt", "x"));
        zip(dir.resolve("empty-zip.zip"), Map.of());
        zip(
                dir.resolve("zip-long-name.zip"),
                Map.of(
                        "cnn/Relu.java",
                        relu,
                        "cnn/Require.java",
                        Files.readString(SOLUTIONS.resolve("Require.java")),
                        "notes/" + "n".repeat(300) + ".txt",
                        "long"));
        zip(dir.resolve("zip-symlink.zip"), Map.of("cnn/Relu.java", "/etc/passwd"));
        Zips.markAsLink(dir.resolve("zip-symlink.zip"), "cnn/Relu.java");
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i <= 10_000; i++) {
            many.put("cnn/f" + i + ".txt", "");
        }
        zip(dir.resolve("zip-many-entries.zip"), many);
        Zips.bomb(dir.resolve("zip-bomb.zip"), "cnn/Relu.java", 80); // 80 MiB of spaces: a few hundred KiB zipped
        Files.writeString(dir.resolve("not-a-zip.zip"), "package cnn; // a source file renamed to .zip\n");
        Files.write(dir.resolve("zero-bytes.zip"), new byte[0]);
    }

    private static void zip(Path file, Map<String, String> entries) throws IOException {
        Zips.write(file, StandardCharsets.UTF_8, new TreeMap<>(entries));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Every file (links not followed) under a folder with its size and modification time folded together. */
    private static Map<String, Long> snapshot(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root))
                    .collect(Collectors.toMap(
                            p -> root.relativize(p).toString().replace('\\', '/') + (Files.isDirectory(p) ? "/" : ""),
                            p -> {
                                try {
                                    return Files.isSymbolicLink(p)
                                            ? -1L
                                            : Files.size(p) * 31
                                                    + Files.getLastModifiedTime(p)
                                                            .toMillis();
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            },
                            (a, b) -> a,
                            TreeMap::new));
        }
    }

    /** Where the corpus run spends its time, for whoever keeps it lean. */
    private static void printSlowest(Path folder) throws IOException {
        Map<String, Double> seconds = new TreeMap<>();
        for (String id : rows.keySet()) {
            String json = Files.readString(folder.resolve(id).resolve("results.json"));
            Matcher m = EXECUTION_TIME.matcher(json);
            seconds.put(id, m.find() ? Double.parseDouble(m.group(1)) : -1);
        }
        System.out.println("Slowest submissions of the hostile corpus (s): "
                + seconds.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .limit(8)
                        .toList());
    }

    private static void replaceIn(Path file, String find, String replacement) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as(file.toString()).contains(find);
        Files.writeString(file, text.replace(find, replacement));
    }

    private static String feedback(Path folder, String id) throws IOException {
        return Files.readString(folder.resolve(id).resolve("feedback.md"));
    }

    private static String withoutTiming(Path resultsJson) throws IOException {
        return EXECUTION_TIME.matcher(Files.readString(resultsJson)).replaceAll("");
    }
}
