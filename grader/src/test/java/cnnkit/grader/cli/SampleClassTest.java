package cnnkit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.cli.SampleClass.Sample;
import cnnkit.grader.common.Assignment;
import cnnkit.grader.run.HiddenTestRunner;
import cnnkit.grader.run.HiddenTests;
import cnnkit.grader.run.StudentClassLoader;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The sample class shipped for grade --sample")
class SampleClassTest {
    private static final Path FOLDER = Path.of("src/main/resources/cnnkit/sample-class");
    private static final List<String> STATUSES = List.of("graded", "compile_error", "rejected", "no_sources", "error");

    @TempDir
    static Path temp;

    private static List<Sample> samples;
    private static Path classDir;

    @BeforeAll
    static void materialise() throws IOException {
        classDir = temp.resolve("class");
        samples = SampleClass.materialise(Assignment.FORWARD, classDir);
    }

    @Test
    @DisplayName("index.txt lists exactly the files of the folder, sorted (regenerate it from the listing below)")
    void indexMatchesFolder() throws IOException {
        List<String> listed;
        try (Stream<Path> walk = Files.walk(FOLDER)) {
            listed = walk.filter(Files::isRegularFile)
                    .map(p -> FOLDER.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("index.txt"))
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertThat(SampleClass.index(Assignment.FORWARD))
                .as("index.txt should be:%n%s", String.join("\n", listed))
                .isEqualTo(listed);
    }

    @Test
    @DisplayName("has about 30 submissions, each a child of the class folder, with a stated expectation")
    void everySampleIsAChildWithAnExpectation() throws IOException {
        assertThat(samples).hasSizeBetween(30, 50);
        try (Stream<Path> children = Files.list(classDir)) {
            assertThat(children.map(p -> p.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(samples.stream()
                            .map(s -> s.id() + (s.zip() ? ".zip" : ""))
                            .sorted()
                            .toList());
        }
        for (Sample s : samples) {
            assertThat(s.about()).as(s.id()).isNotBlank();
            assertThat(validExpectation(s.expect()))
                    .as(s.id() + " expects '" + s.expect() + "'")
                    .isTrue();
        }
    }

    @Test
    @DisplayName("names one misconception sample per step at least, and correct, partial, broken and hostile ones")
    void coversEveryKind() {
        List<String> ids = samples.stream().map(Sample::id).toList();
        for (String kind : List.of("correct-", "partial-", "broken-", "hostile-")) {
            assertThat(ids).as(kind).anyMatch(id -> id.startsWith(kind));
        }
        for (Step step : Step.values()) {
            assertThat(samples)
                    .as(step.className())
                    .anyMatch(s -> s.id().startsWith("mis-") && s.expect().equals("loses " + step.className()));
        }
    }

    @Test
    @DisplayName("is byte-identical when materialised twice (zips included)")
    void materialisesDeterministically() throws IOException {
        Path again = temp.resolve("again");
        SampleClass.materialise(Assignment.FORWARD, again);
        for (Sample s : samples) {
            String name = s.id() + (s.zip() ? ".zip" : "");
            assertThat(fingerprint(again.resolve(name))).as(name).isEqualTo(fingerprint(classDir.resolve(name)));
        }
    }

    @Nested
    @DisplayName("compiles with javac")
    class Compiling {
        @Test
        @DisplayName("every submission except the syntax error compiles; the no-sources one has no cnn file")
        void everySampleCompilesUnlessBrokenOnPurpose() throws IOException {
            for (Sample s : samples) {
                List<Path> sources = cnnSources(unpacked(s));
                if (s.expect().equals("status no_sources")) {
                    assertThat(sources).as(s.id()).isEmpty();
                } else {
                    assertThat(sources).as(s.id()).isNotEmpty();
                    boolean compiles = compile(sources, temp.resolve("classes").resolve(s.id()));
                    assertThat(compiles).as(s.id() + " compiles").isEqualTo(!s.id().equals("broken-syntax-error"));
                }
            }
        }
    }

    @Nested
    @DisplayName("graded by the hidden tests (in this JVM; the broken and hostile ones are the engine's tests' job)")
    class Grading {
        /** In the build: the base and a misconception per step; {@code -Dcnnkit.sample.grading=all} grades all 37. */
        private static final List<String> QUICK = List.of(
                "correct-plain",
                "mis-flipped-kernel",
                "mis-relu-abs",
                "mis-average-pooling",
                "mis-flatten-by-columns",
                "mis-dense-transposed",
                "mis-softmax-overflow",
                "mis-gradient-sign",
                "mis-accuracy");

        @Test
        @DisplayName("the correct ones pass every check; each misconception and partial one loses each of its steps")
        void losesExactlyTheExpectedSteps() throws IOException {
            PrintStream out = System.out;
            List<String> wrong = new ArrayList<>();
            for (Sample s : samples) {
                boolean all = "all".equals(System.getProperty("cnnkit.sample.grading"));
                if (!s.id().matches("(correct|mis|partial)-.*") || !all && !QUICK.contains(s.id())) {
                    continue;
                }
                Path classes = temp.resolve("graded").resolve(s.id());
                assertThat(compile(cnnSources(unpacked(s)), classes)).as(s.id()).isTrue();
                Set<String> expected = new TreeSet<>(
                        s.expect().startsWith("loses ")
                                ? Arrays.asList(s.expect().substring(6).split(", "))
                                : List.of());
                // The other steps of a misconception sample are the base's unchanged classes, which share no code
                // with each other and pass in correct-plain: running only the expected steps keeps this test short.
                List<Step> steps = expected.isEmpty()
                        ? List.of(Step.values())
                        : expected.stream()
                                .map(n -> Step.byName(n).orElseThrow())
                                .toList();
                Set<String> lost = new TreeSet<>();
                PrintStream err = System.err;
                System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream())); // the debugging prints
                System.setErr(new PrintStream(java.io.OutputStream.nullOutputStream()));
                try (StudentClassLoader loader = HiddenTests.loader(classes)) {
                    HiddenTestRunner.run(
                            loader,
                            steps,
                            id -> true,
                            r -> lost.addAll(
                                    r.passed() ? List.of() : List.of(r.step().className())));
                } finally {
                    System.setOut(out);
                    System.setErr(err);
                }
                if (!lost.equals(expected)) {
                    wrong.add(s.id() + " lost " + lost + ", expected " + expected);
                }
            }
            assertThat(wrong).isEmpty();
        }
    }

    static boolean validExpectation(String expect) {
        if (expect.equals("full")) {
            return true;
        }
        if (expect.startsWith("status ")) {
            return STATUSES.contains(expect.substring(7));
        }
        return expect.startsWith("loses ")
                && Arrays.stream(expect.substring(6).split(", "))
                        .allMatch(n -> Step.byName(n).isPresent());
    }

    /** The submission as a folder: a zip is unpacked into the temp dir first. */
    static Path unpacked(Sample s) throws IOException {
        if (!s.zip()) {
            return classDir.resolve(s.id());
        }
        Path out = temp.resolve("unzipped").resolve(s.id());
        if (Files.isDirectory(out)) {
            return out;
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(classDir.resolve(s.id() + ".zip")))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = out.resolve(e.getName()).normalize();
                Files.createDirectories(target.getParent());
                Files.copy(zip, target);
            }
        }
        return out;
    }

    /** The {@code .java} files in a folder named {@code cnn}, skipping build output, tests, metadata and hidden files. */
    static List<Path> cnnSources(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java")
                            && p.getParent().getFileName().toString().equals("cnn"))
                    .filter(p -> Stream.iterate(root.relativize(p), q -> q != null, Path::getParent)
                            .map(q -> q.getFileName().toString())
                            .noneMatch(n -> n.startsWith(".")
                                    || List.of("target", "test", "__MACOSX").contains(n)))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    /** One compiler and file manager for all submissions: a fresh javac per submission would take most of the test's time. */
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    private static final StandardJavaFileManager FILES = JAVAC.getStandardFileManager(null, null, null);

    static boolean compile(List<Path> sources, Path out) throws IOException {
        List<String> options = List.of("-d", Files.createDirectories(out).toString(), "--release", "17", "-proc:none");
        return JAVAC.getTask(
                        Writer.nullWriter(), FILES, d -> {}, options, null, FILES.getJavaFileObjectsFromPaths(sources))
                .call();
    }

    private static Map<String, Long> fingerprint(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.filter(Files::isRegularFile)
                    .collect(Collectors.toMap(f -> p.relativize(f).toString(), f -> {
                        try {
                            return (long) Arrays.hashCode(Files.readAllBytes(f));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
        }
    }
}
