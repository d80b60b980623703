package cnnkit.grader.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cnnkit.grader.cli.Main;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The Gradescope autograder")
class GradescopeAutograderTest {
    private static Schema schema;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = GradescopeAutograderTest.class.getResourceAsStream("/gradescope-results.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(in);
        }
    }

    static List<String> violations(String json) {
        return schema.validate(json, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    @Nested
    @DisplayName("results schema (Gradescope's specification)")
    class SchemaItself {
        @Test
        @DisplayName("accepts a results.json written to the specification and rejects ones that break it")
        void schemaCanPassAndFail() {
            assertThat(violations("""
                {"score": 3, "execution_time": 2, "output": "ok", "visibility": "visible",
                 "tests": [{"name": "Convolution", "score": 3, "max_score": 5, "status": "failed",
                            "output": "x", "visibility": "after_due_date", "number": "1"}]}""")).isEmpty();
            assertThat(violations("{\"tests\": [{\"score\": 1, \"max_score\": 1}]}"))
                    .isEmpty();
            assertThat(violations("{\"score\": \"3\"}")).isNotEmpty();
            assertThat(violations("{\"score\": 1, \"tests\": [{\"visibility\": \"sometimes\"}]}"))
                    .isNotEmpty();
            assertThat(violations("{\"score\": 1, \"scroe\": 2}")).isNotEmpty();
            assertThat(violations("{\"output\": \"no score anywhere\"}")).isNotEmpty();
        }
    }

    @Nested
    @DisplayName("zip")
    class Zip {
        @Test
        @DisplayName("holds setup.sh (which runs make_archives), make_archives, run_autograder and the jar, with the "
                + "chosen options in run_autograder and make_archives")
        void entriesAndOptions() throws IOException {
            Path jar = Files.writeString(temp.resolve("fake.jar"), "jar bytes");
            Path zip = temp.resolve("autograder.zip");
            new GradescopeAutograder("after_due_date", false).writeZip(zip, jar);

            Map<String, String> entries = unzip(zip);
            assertThat(entries.keySet())
                    .containsExactly("setup.sh", "make_archives", "run_autograder", GradescopeAutograder.JAR);
            assertThat(entries.get(GradescopeAutograder.JAR)).isEqualTo("jar bytes");
            assertThat(entries.get("setup.sh"))
                    .contains("apt-get install", "openjdk-17-jdk-headless", "/make_archives");
            assertThat(entries.get("make_archives"))
                    .contains("--assignment \"forward\"", "-Xmx" + GradescopeAutograder.XMX, "--archives")
                    .doesNotContainPattern("@[a-z-]+@");
            assertThat(entries.get("run_autograder"))
                    .contains(
                            "VISIBILITY=\"after_due_date\"",
                            "STEP_OUTPUT=\"--no-step-output\"",
                            "-Xmx" + GradescopeAutograder.XMX,
                            "CNNKIT_TIME_LIMIT:-540}",
                            "timeout --kill-after=10 ")
                    .doesNotContainPattern("@[a-z-]+@");
        }

        @Test
        @DisplayName("stops the grader a minute before Gradescope's default timeout, or at --time-limit")
        void timeLimit() throws IOException {
            assertThat(GradescopeAutograder.TIME_LIMIT_SECONDS + GradescopeAutograder.KILL_AFTER_SECONDS)
                    .isLessThanOrEqualTo(600 - 50);
            Path jar = Files.writeString(temp.resolve("kit.jar"), "jar");
            Path zip = temp.resolve("limited.zip");

            assertThat(Main.run("gradescope", "--out", zip.toString(), "--jar", jar.toString(), "--time-limit", "300"))
                    .isZero();

            assertThat(unzip(zip).get("run_autograder")).contains("CNNKIT_TIME_LIMIT:-300}");
            String[] err = new String[1];
            assertThat(withStderr(
                            err,
                            () -> Main.run(
                                    "gradescope",
                                    "--out",
                                    temp.resolve("z.zip").toString(),
                                    "--jar",
                                    jar.toString(),
                                    "--time-limit",
                                    "0")))
                    .isEqualTo(2);
            assertThat(err[0].strip()).contains("at least 1 second").doesNotContain("\n", "Exception");
        }

        @Test
        @DisplayName("scripts are valid bash")
        void scriptsParse() throws Exception {
            assumeTrue(Tools.onPath("bash"), "bash is not on PATH");
            for (Map.Entry<String, String> s :
                    new GradescopeAutograder("visible", true).scripts().entrySet()) {
                Path file = Files.writeString(temp.resolve(s.getKey()), s.getValue());
                Process p = new ProcessBuilder("bash", "-n", file.toString())
                        .redirectErrorStream(true)
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor()).as(s.getKey() + ": " + out).isZero();
            }
        }

        @Test
        @DisplayName("grades the assignment it was made for: Part 1 by default, Part 2 with --assignment backprop")
        void gradesItsAssignment() {
            String forward = new GradescopeAutograder("visible", true).scripts().get("run_autograder");
            String backprop = new GradescopeAutograder("visible", true, 540, cnnkit.grader.common.Assignment.BACKPROP)
                    .scripts()
                    .get("run_autograder");
            assertThat(forward).contains("ASSIGNMENT=\"forward\"").contains("grade --assignment \"$ASSIGNMENT\"");
            assertThat(backprop).contains("ASSIGNMENT=\"backprop\"").contains("grade --assignment \"$ASSIGNMENT\"");
        }

        @Test
        @DisplayName("rejects an unknown visibility")
        void rejectsUnknownVisibility() {
            assertThatThrownBy(() -> new GradescopeAutograder("later", true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("after_due_date");
        }

        @Test
        @DisplayName("the command says clearly that it needs the jar when it runs from a classes folder")
        void commandWithoutJar() {
            Path zip = temp.resolve("autograder.zip");
            String[] err = new String[1];
            int status = withStderr(err, () -> Main.run("gradescope", "--out", zip.toString()));
            assertThat(GradescopeAutograder.runningJar()).isEmpty();
            assertThat(status).isEqualTo(2);
            assertThat(err[0]).contains("not running from the kit jar", "./cnnkit gradescope", "--jar");
            assertThat(zip).doesNotExist();
        }

        @Test
        @DisplayName("the command writes the zip with --jar")
        void commandWithJar() throws IOException {
            Path jar = Files.writeString(temp.resolve("kit.jar"), "jar");
            Path zip = temp.resolve("out/autograder.zip");
            assertThat(Main.run(
                            "gradescope",
                            "--out",
                            zip.toString(),
                            "--jar",
                            jar.toString(),
                            "--visibility",
                            "hidden",
                            "--no-step-output"))
                    .isZero();
            assertThat(unzip(zip).get("run_autograder")).contains("VISIBILITY=\"hidden\"", "--no-step-output");
        }
    }

    @Nested
    @DisplayName("run_autograder, run locally with AUTOGRADER_ROOT")
    class Run {
        @Test
        @DisplayName("still writes a valid results.json with score 0 and a readable message when the grader fails")
        void graderFailureGivesValidResults() throws Exception {
            Path root = autograderRoot("false");
            Files.writeString(
                    Files.createDirectories(root.resolve("submission")).resolve("Relu.java"), "class Relu {}");
            JsonObject results = runAutograder(root, "false");
            assertThat(results.get("score").getAsDouble()).isZero();
            assertThat(results.get("output").getAsString()).contains("could not grade this submission");
        }

        @Test
        @DisplayName("says so when there is no submission folder")
        void noSubmission() throws Exception {
            Path root = autograderRoot("false");
            JsonObject results = runAutograder(root, "false");
            assertThat(results.get("score").getAsDouble()).isZero();
            assertThat(results.get("output").getAsString()).contains("No submission folder");
        }
    }

    @Nested
    @DisplayName("run_autograder with the real grader on a submission")
    class Grading {
        @Test
        @DisplayName("a correct submission (the solutions' sources) gets full marks")
        void correctGetsFullMarks() throws Exception {
            Path root = autograderRoot("correct");
            copyJava(Path.of("../solutions/src/main/java/cnn"), Files.createDirectories(root.resolve("submission")));
            JsonObject results = runAutograder(root, kitCommand());
            double max = 0;
            for (JsonElement t : results.getAsJsonArray("tests")) {
                max += t.getAsJsonObject().get("max_score").getAsDouble();
            }
            assertThat(max).isPositive();
            assertThat(results.get("score").getAsDouble()).isEqualTo(max);
        }

        @Test
        @DisplayName("the stubs get 0, with output saying what is not implemented")
        void stubsGetZero() throws Exception {
            Path root = autograderRoot("stubs");
            copyJava(Path.of("../exercises/src/main/java/cnn"), Files.createDirectories(root.resolve("submission")));
            JsonObject results = runAutograder(root, kitCommand());
            assertThat(results.get("score").getAsDouble()).isZero();
            assertThat(results.getAsJsonArray("tests")).isNotEmpty();
            assertThat(results.toString()).contains("not implemented");
        }

        @Test
        @DisplayName(
                "a broken zip gets 0 and a clear message, and no crash (zip made with hidden checks, no step output)")
        void brokenZip() throws Exception {
            Path root = autograderRoot("broken", "hidden", false);
            Files.write(
                    Files.createDirectories(root.resolve("submission")).resolve("handin.zip"),
                    "PK\u0003\u0004 this is not really a zip".getBytes(StandardCharsets.UTF_8));
            JsonObject results = runAutograder(root, kitCommand());
            assertThat(results.get("score").getAsDouble()).isZero();
            assertThat(results.get("output").getAsString())
                    .contains("rejected")
                    .containsIgnoringCase("zip")
                    .doesNotContain("Score");
            assertThat(results.get("visibility").getAsString()).isEqualTo("hidden");
            assertThat(results.getAsJsonArray("tests")).isNotEmpty().allSatisfy(t -> {
                assertThat(t.getAsJsonObject().get("visibility").getAsString()).isEqualTo("hidden");
                assertThat(t.getAsJsonObject().get("output").getAsString()).isEmpty();
            });
        }
    }

    static void copyJava(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    /** Unpacks a fresh autograder zip where Gradescope puts it ({@code source/}) below a new root. */
    Path autograderRoot(String name) throws IOException {
        return autograderRoot(name, "visible", true);
    }

    /** The same, with the zip's options. */
    Path autograderRoot(String name, String visibility, boolean stepOutput) throws IOException {
        Path root = Files.createDirectories(temp.resolve("root-" + name + "-" + System.nanoTime()));
        Path zip = temp.resolve("ag-" + System.nanoTime() + ".zip");
        new GradescopeAutograder(visibility, stepOutput).writeZip(zip, Files.writeString(temp.resolve("x.jar"), "x"));
        for (Map.Entry<String, String> e : unzip(zip).entrySet()) {
            Files.writeString(Files.createDirectories(root.resolve("source")).resolve(e.getKey()), e.getValue());
        }
        return root;
    }

    /**
     * Runs run_autograder as Gradescope would, with the kit command replaced by {@code grader}.
     *
     * @return the results.json it wrote, after checking it against the schema
     */
    static JsonObject runAutograder(Path root, String grader) throws Exception {
        assumeTrue(Tools.onPath("bash"), "bash is not on PATH");
        ProcessBuilder pb = new ProcessBuilder(
                        "bash", root.resolve("source/run_autograder").toString())
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("run.log").toFile());
        pb.environment().put("AUTOGRADER_ROOT", root.toString());
        pb.environment().put("CNNKIT_GRADER", grader);
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("run_autograder finished").isTrue();
        assertThat(p.exitValue())
                .as("run_autograder exit status; log:\n" + Files.readString(root.resolve("run.log")))
                .isZero();
        Path results = root.resolve("results/results.json");
        assertThat(results).exists();
        String json = Files.readString(results);
        assertThat(violations(json)).as(json).isEmpty();
        JsonElement parsed = JsonParser.parseString(json);
        return parsed.getAsJsonObject();
    }

    /** @return the kit's command line from the build's class path (no jar yet during {@code mvn test}) */
    static String kitCommand() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String kept = Stream.of(cp.split(File.pathSeparator))
                .filter(e -> !e.replace('\\', '/').matches(".*/exercises(/target/classes|-[^/]*\\.jar)/?"))
                .collect(Collectors.joining(File.pathSeparator));
        assumeTrue(!kept.contains(" "), "the class path has spaces: run_autograder's CNNKIT_GRADER cannot carry it");
        return Path.of(System.getProperty("java.home"), "bin", "java") + " -cp " + kept + " " + Main.class.getName();
    }

    static Map<String, String> unzip(Path zip) throws IOException {
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> e = z.entries();
            while (e.hasMoreElements()) {
                ZipEntry entry = e.nextElement();
                try (InputStream in = z.getInputStream(entry)) {
                    entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return entries;
    }

    static int withStderr(String[] captured, java.util.function.IntSupplier action) {
        PrintStream old = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            return action.getAsInt();
        } finally {
            System.setErr(old);
            captured[0] = buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
