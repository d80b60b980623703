package cnnkit.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The walkthrough and the filters compile the learner's sources with the grader's compile stage")
class WalkthroughSourcesTest {
    /** A Convolution.java with a typo: the compiler's message must reach the learner. */
    private static final String BROKEN_CONVOLUTION = """
        package cnn;

        public final class Convolution {
            public static double[][] convolve(double[][] image, double[][] featureDetector) {
                return image  // the semicolon is missing
            }

            public static double[][] convolve(double[][] image, double[][] k, int stride, int padding) {
                return image;
            }
        }
        """;

    @TempDir
    Path clone;

    private Path sources;

    /** A fresh clone of a partly done exercises folder: stubs, a finished ReLU, a Convolution that does not compile. */
    @BeforeEach
    void partlyDoneClone() throws IOException {
        sources = Files.createDirectories(clone.resolve("exercises/src/main/java/cnn"));
        try (Stream<Path> stubs = Files.list(Path.of("../exercises/src/main/java/cnn"))) {
            for (Path stub : stubs.toList()) {
                Files.copy(stub, sources.resolve(stub.getFileName()));
            }
        }
        for (String solved : List.of("Relu.java", "Require.java")) {
            Files.copy(
                    Path.of("../solutions/src/main/java/cnn", solved),
                    sources.resolve(solved),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(sources.resolve("Convolution.java"), BROKEN_CONVOLUTION, StandardCharsets.UTF_8);
    }

    /** @return what {@code walkthrough --no-color} prints when run in the clone's root folder, as a learner runs it */
    private String walkInClone() throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "cnnkit.walkthrough.cli.Main",
                        "walkthrough",
                        "--no-color")
                .directory(clone.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    @DisplayName("with no options in a fresh clone it compiles exercises/src/main/java, says so, and walks on")
    void freshCloneDefault() throws Exception {
        String out = walkInClone();

        assertThat(out)
                .startsWith("No compiled classes in " + Path.of("exercises/target/classes")
                        + ": compiling your sources in " + Path.of("exercises/src/main/java"));
        assertThat(out)
                .contains("Convolution.java does not compile:")
                .contains("line 5: ")
                .contains("';' expected");
        assertThat(out)
                .contains("Step 2 (MaxPooling) is not implemented yet")
                // the finished ReLU's backward pass is right too; the broken Convolution is shown as such both ways
                .contains(
                        "steps shown: 14 of 14; matching the lecture: 2; not implemented yet: 10; does not compile: 2")
                .contains("Convolution: does not compile");
        assertThat(Files.exists(clone.resolve("exercises/target")))
                .as("nothing written into the clone")
                .isFalse();
    }

    @Test
    @DisplayName("with no options it compiles the sources when they are newer than exercises/target/classes")
    void staleClasses() throws Exception {
        Path old = Files.createDirectories(clone.resolve("exercises/target/classes/cnn"))
                .resolve("Relu.class");
        Files.write(old, new byte[] {0});
        Files.setLastModifiedTime(old, FileTime.fromMillis(1_000));

        assertThat(walkInClone())
                .startsWith("Your sources in " + Path.of("exercises/src/main/java") + " are newer " + "than "
                        + Path.of("exercises/target/classes"))
                .contains("Convolution.java does not compile:");
    }

    @Test
    @DisplayName("with no options it compiles the sources when a step's class is missing, though the rest is newer")
    void classesMissingAStep() throws Exception {
        Path fresh = Files.createDirectories(clone.resolve("exercises/target/classes/cnn"))
                .resolve("Relu.class");
        Files.write(fresh, new byte[] {0}); // newer than every source, but Convolution.class &c. are missing

        assertThat(walkInClone())
                .startsWith("Your sources in " + Path.of("exercises/src/main/java") + " are newer than "
                        + Path.of("exercises/target/classes") + " (or missing from it)")
                .contains("Convolution.java does not compile:")
                .contains("Convolution: does not compile");
    }

    @Test
    @DisplayName("--src shows a step that does not compile with the compiler's message, and checks the others")
    void srcOption() {
        Cli run = Cli.run("walkthrough", "--src", sources.getParent().toString(), "--no-color", "--speed", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Convolution.java does not compile:")
                .contains("';' expected")
                .contains("feature map (reference values)")
                .contains("ReLU of the feature map");
        assertThat(run.out()).doesNotContain("No compiled classes");
    }

    @Test
    @DisplayName("filters --src with a Convolution that does not compile is a clear error with the message")
    void filtersWithBrokenConvolution() {
        Cli run = Cli.run(
                "filters",
                "--src",
                sources.getParent().toString(),
                "--out",
                clone.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("your Convolution cannot be used")
                .contains("';' expected")
                .doesNotContain("Exception");
    }
}
