package cnnkit.grader.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The compiler JVM")
class JavacProcessTest {
    /** The hostile corpus's stall: javac needs minutes and gigabytes for it. */
    private static final Path STALL = Path.of("src/test/resources/hostile/javac-stall/cnn/Stall.java");

    @TempDir
    Path temp;

    @Test
    @DisplayName("compiles, says which file has which error, and serves the next request from the same JVM")
    void compilesAndIsReused() throws Exception {
        Path good = write("Good.java", "package cnn; public final class Good { static int one() { return 1; } }");
        Path bad = write("Bad.java", "package cnn; final class Bad { int x = \"text\"; }");
        try (JavacProcess javac = new JavacProcess(Duration.ofSeconds(60), temp.resolve("home"))) {
            Map<Path, List<String>> errors = javac.compile(List.of(good, bad), temp.resolve("out"), deadline(60));
            assertThat(errors).containsOnlyKeys(bad.toAbsolutePath().normalize());
            assertThat(errors.get(bad.toAbsolutePath().normalize()))
                    .singleElement()
                    .asString()
                    .startsWith("line 1: incompatible types");
            assertThat(javac.compile(List.of(good), temp.resolve("out"), deadline(60)))
                    .isEmpty();
            assertThat(temp.resolve("out/cnn/Good.class")).exists();
            assertThat(javac.started()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("reuses javac's context, yet the next submission sees none of the last one's classes")
    void nothingCarriesOver() throws Exception {
        Path shapes = write(
                "a/Shapes.java",
                "package cnn; public class Shapes { static int rows(double[][] a) { " + "return a.length; } }");
        Path first = write(
                "a/Relu.java",
                "package cnn; public class Relu { static int foo() { return 1; } "
                        + "static int n(double[][] a) { return Shapes.rows(a) + Extra.X; } } class Extra { static int X; }");
        Path second = write(
                "b/Relu.java",
                "package cnn; public class Relu { static int n(double[][] a) { "
                        + "return Shapes.rows(a) + Extra.X + foo(); } }");
        try (JavacProcess javac = new JavacProcess(Duration.ofSeconds(60), temp.resolve("home"))) {
            assertThat(javac.compile(List.of(shapes, first), temp.resolve("out-a"), deadline(60)))
                    .isEmpty();
            Map<Path, List<String>> errors = javac.compile(List.of(second), temp.resolve("out-b"), deadline(60));
            assertThat(errors.get(second.toAbsolutePath().normalize()))
                    .hasSize(3)
                    .allMatch(m -> m.startsWith("line 1: cannot find symbol"))
                    .isEqualTo(Javac.IN_PROCESS
                            .compile(List.of(second), temp.resolve("fresh"), deadline(60))
                            .get(second.toAbsolutePath().normalize()));
            assertThat(javac.compile(List.of(shapes, first), temp.resolve("out-c"), deadline(60)))
                    .isEmpty();
            assertThat(classes("out-a")).containsExactly("Extra.class", "Relu.class", "Shapes.class");
            assertThat(classes("out-b")).isEmpty();
            assertThat(classes("out-c")).isEqualTo(classes("out-a"));
            assertThat(javac.started()).isEqualTo(1);
            assertThat(javac.reused()).isEqualTo(3);
        }
    }

    @Test
    @DisplayName("stops a stalled compilation at the limit with a reason, and starts a fresh JVM for the next one")
    void stallIsStopped() throws Exception {
        Path good = write("Good.java", "package cnn; public final class Good { }");
        try (JavacProcess javac = new JavacProcess(Duration.ofSeconds(3), temp.resolve("home"))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> javac.compile(List.of(STALL), temp.resolve("out"), deadline(3)))
                    .isInstanceOf(Javac.Stopped.class)
                    .hasMessageMatching(".*(longer than 3 s|of memory).*");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            assertThat(javac.compile(List.of(good), temp.resolve("out"), deadline(60)))
                    .isEmpty();
            assertThat(javac.started()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("serves two grading threads from one JVM; the wait for it counts against the limit in no round")
    void sharedByThreads() throws Exception {
        Path good = write("Good.java", "package cnn; public final class Good { }");
        try (JavacProcess javac = new JavacProcess(Duration.ofSeconds(3), temp.resolve("home"), null, 1)) {
            CompletableFuture<Map<Path, List<String>>> stalled = CompletableFuture.supplyAsync(() -> {
                try {
                    return javac.compile(List.of(STALL), temp.resolve("out-stall"), deadline(3));
                } catch (IOException | Javac.Stopped e) {
                    throw new CompletionException(e);
                }
            });
            Thread.sleep(500); // the stall holds the only compiler JVM
            Javac.Deadline rounds = deadline(3); // one submission's rounds: the first waits about 2.5 s
            assertThat(javac.compile(List.of(good), temp.resolve("out"), rounds))
                    .isEmpty();
            Thread.sleep(1000); // as if that round took long: only the wait was taken off, not this
            assertThat(javac.compile(List.of(good), temp.resolve("out-2"), rounds))
                    .as("a later round of the submission that waited")
                    .isEmpty();
            assertThatThrownBy(stalled::join).hasCauseInstanceOf(Javac.Stopped.class);
            assertThat(javac.started()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("refuses a time limit that is not positive, or no compiler JVM")
    void positiveLimit() {
        assertThatThrownBy(() -> new JavacProcess(Duration.ZERO, temp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new JavacProcess(Duration.ofSeconds(1), temp, null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }

    /** @return the class files a compilation wrote into its folder, sorted */
    private List<String> classes(String out) throws IOException {
        Path dir = temp.resolve(out).resolve("cnn");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path write(String name, String source) throws IOException {
        Path file = temp.resolve("src").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, source);
    }

    private static Javac.Deadline deadline(int seconds) {
        return Javac.Deadline.in(Duration.ofSeconds(seconds));
    }
}
