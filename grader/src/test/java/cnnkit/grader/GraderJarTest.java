package cnnkit.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cnnkit.grader.run.HiddenTests;
import cnnkit.lecture.Limits;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the built instructors' jar, {@code cnn-grader.jar}, and runs it as an instructor would (run by
 * {@code mvn verify}, after {@code package}; see the root pom's {@code jar-tests} execution).
 */
@DisplayName("The instructors' jar (cnn-grader.jar)")
class GraderJarTest {
    /** The size the jar must stay under: test-only libraries (AssertJ, Byte Buddy) once made it 16.3 MB. */
    private static final long MAX_BYTES = 8_000_000;
    /** Libraries that only the kit's own tests use: none may ship. */
    private static final List<String> TEST_ONLY =
            List.of("org/assertj/", "net/bytebuddy/", "org/openqa/", "com/networknt/", "org/mockito/");

    private static Path jarPath;
    private static List<String> entries;

    @BeforeAll
    static void open() throws IOException {
        // Set by the jar-tests execution only: under -Dtest the default (pre-package) execution would see a stale jar.
        String buildDir = System.getProperty("kit.build.dir");
        assumeTrue(buildDir != null, "opens the built jar: runs in the jar-tests execution of `mvn verify`");
        jarPath = Path.of(buildDir, "cnn-grader.jar");
        assertThat(jarPath).isRegularFile();
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            entries = jar.stream().map(JarEntry::getName).toList();
        }
    }

    @Test
    @DisplayName("is under 8 MB and holds no test-only library")
    void smallWithoutTestLibraries() throws IOException {
        assertThat(Files.size(jarPath)).isLessThan(MAX_BYTES);
        assertThat(entries).noneMatch(e -> TEST_ONLY.stream().anyMatch(e::startsWith));
    }

    @Test
    @DisplayName("holds every step's hidden test, and no class of package cnn (a submission's own would be shadowed)")
    void hiddenTestsButNoCnnClasses() {
        for (Step step : Step.values()) {
            assertThat(entries).contains(HiddenTests.className(step).replace('.', '/') + ".class");
        }
        assertThat(entries).noneMatch(e -> e.startsWith("cnn/"));
    }

    @Test
    @DisplayName("`java -jar cnn-grader.jar --help` lists the commands, `grade --help` every time limit")
    void help(@TempDir Path out) throws IOException, InterruptedException {
        Run run = java(out, "--help");
        Run grade = java(out, "grade", "--help");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("grade", "handout", "gradescope", "export");
        assertThat(grade.exit()).as(grade.output()).isZero();
        assertThat(grade.output())
                .contains("Time limits")
                .contains(Limits.DEFAULT.describe().lines().toList());
    }

    @Test
    @DisplayName("`java -jar cnn-grader.jar grade` gives the reference full marks; JPlag, from cnn-similarity.jar, "
            + "finds the copy")
    void gradesASubmission(@TempDir Path temp) throws IOException, InterruptedException {
        gradeReferenceAndCopy(jarPath, temp);
        List<String> gradebook = Files.readAllLines(temp.resolve("out").resolve("gradebook.csv"));
        assertThat(gradebook).hasSize(3);
        assertThat(gradebook.get(1)).startsWith("alice,graded,100,100,");
        // identical hand-ins: JPlag leaves out the matches it attributes to the base code, so nearly 100 %
        assertThat(temp.resolve("out").resolve("summary.md"))
                .content()
                .containsPattern("- alice and bob: (9\\d|100) %");
        assertThat(temp.resolve("out").resolve("jplag-report.zip")).isRegularFile();
    }

    @Test
    @DisplayName("without cnn-similarity.jar beside it, the jar grades as before and the report says why")
    void gradesWithoutJPlag(@TempDir Path temp) throws IOException, InterruptedException {
        Path alone = Files.copy(
                jarPath, Files.createDirectories(temp.resolve("alone")).resolve("cnn-grader.jar"));
        gradeReferenceAndCopy(alone, temp);
        assertThat(Files.readAllLines(temp.resolve("out").resolve("gradebook.csv"))
                        .get(2))
                .startsWith("bob,graded,100,100,");
        assertThat(temp.resolve("out").resolve("summary.md"))
                .content()
                .contains("Not computed: JPlag is not on the class path: put cnn-similarity.jar beside cnn-grader.jar");
    }

    /** Grades, with the given jar, a class of two (alice hands in the reference, bob the same files) into temp/out. */
    private static void gradeReferenceAndCopy(Path jar, Path temp) throws IOException, InterruptedException {
        Path classDir = referenceAndCopy(temp);
        Run run = java(
                jar,
                temp,
                "grade",
                "--class",
                classDir.toString(),
                "--out",
                temp.resolve("out").toString());
        assertThat(run.exit()).as(run.output()).isZero();
    }

    /** @return a class of two: alice hands in the reference, bob the same files */
    private static Path referenceAndCopy(Path temp) throws IOException {
        for (String id : List.of("alice", "bob")) {
            Path folder = Files.createDirectories(temp.resolve("class").resolve(id));
            try (var sources = Files.list(Path.of("..", "solutions", "src", "main", "java", "cnn"))) {
                for (Path source : sources.toList()) {
                    Files.copy(source, folder.resolve(source.getFileName()));
                }
            }
        }
        return temp.resolve("class");
    }

    private record Run(int exit, String output) {}

    private static Run java(Path dir, String... args) throws IOException, InterruptedException {
        return java(jarPath, dir, args);
    }

    private static Run java(Path jar, Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + dir,
                "-jar",
                jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve("output.txt");
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("java -jar cnn-grader.jar " + String.join(" ", args) + " took over 120 s");
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
