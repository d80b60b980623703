package cnnkit.grader.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    @DisplayName("refuses a time limit that is not positive")
    void positiveLimit() {
        assertThatThrownBy(() -> new JavacProcess(Duration.ZERO, temp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    private Path write(String name, String source) throws IOException {
        return Files.writeString(Files.createDirectories(temp.resolve("src")).resolve(name), source);
    }

    private static long deadline(int seconds) {
        return System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    }
}
