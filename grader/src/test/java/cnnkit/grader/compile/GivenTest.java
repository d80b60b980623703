package cnnkit.grader.compile;

import static cnnkit.grader.Fixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnkit.grader.Fixtures;
import cnnkit.grader.collect.SourceFinder;
import cnnkit.grader.collect.Sources;
import cnnkit.grader.testing.Submissions;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The given classes (cnn.Network, cnn.GradientCheck)")
class GivenTest {
    @Nested
    @DisplayName("as the grader ships them")
    class Shipped {
        @Test
        @DisplayName("are exactly the files of exercises/src/given/java/cnn, byte for byte")
        void sameAsTheHandout() throws IOException {
            try (Stream<Path> files = Files.list(Submissions.GIVEN)) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactlyElementsOf(Given.FILES);
            }
            for (String name : Given.FILES) {
                assertThat(Given.source(name))
                        .isEqualTo(Files.readString(Submissions.GIVEN.resolve(name), StandardCharsets.UTF_8));
            }
        }

        @Test
        @DisplayName("a file that is not given is refused with its name")
        void notGiven() {
            assertThat(Given.isGiven(Path.of("src", "Network.java"))).isTrue();
            assertThat(Given.isGiven(Path.of("Training.java"))).isFalse();
            assertThatThrownBy(() -> Given.source("Training.java"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'Training.java' is not a given file");
        }
    }

    @Nested
    @DisplayName("compiled with a hand-in")
    class Compiled {
        @TempDir
        Path temp;

        @Test
        @DisplayName("a hand-in without them gets the kit's: Training compiles against the given Network")
        void missingAreSupplied() throws IOException {
            Compilation c = compile(copy(Fixtures.SOLUTIONS, temp.resolve("in/cnn")));

            assertThat(c.stubbed()).isEmpty();
            assertThat(c.notes()).isEmpty();
            assertThat(c.classes().resolve("cnn/Network.class")).isRegularFile();
            assertThat(c.classes().resolve("cnn/GradientCheck.class")).isRegularFile();
            assertThat(c.classes().resolve("cnn/Training.class")).isRegularFile();
        }

        @Test
        @DisplayName("a changed Network is not compiled: the kit's wins, and a note says so")
        void changedIsReplaced() throws Exception {
            Path in = copy(Submissions.GIVEN, copy(Fixtures.SOLUTIONS, temp.resolve("in/cnn")));
            Path network = in.resolve("Network.java");
            String text = Files.readString(network);
            assertThat(text).contains("DETECTORS = 8;");
            Files.writeString(network, text.replace("DETECTORS = 8;", "DETECTORS = 4;"));

            Compilation c = compile(in);

            assertThat(c.notes()).containsExactly(StepCompiler.changedGiven("Network.java"));
            assertThat(c.notes().get(0)).contains("Network.java is given");
            assertThat(detectors(c.classes())).isEqualTo(8);
        }

        @Test
        @DisplayName("the learners' compile (not a hand-in's) keeps a learner's own Network, without a note")
        void learnersKeepTheirOwn() throws Exception {
            Path in = copy(Submissions.GIVEN, copy(Fixtures.SOLUTIONS, temp.resolve("in/cnn")));
            Path network = in.resolve("Network.java");
            Files.writeString(network, Files.readString(network).replace("DETECTORS = 8;", "DETECTORS = 4;"));

            Compilation c = StepCompiler.compile(
                    SourceFinder.find(in.getParent()), Files.createDirectories(temp.resolve("work")), Javac.IN_PROCESS);

            assertThat(c.notes()).isEmpty();
            assertThat(detectors(c.classes())).isEqualTo(4);
        }

        @Test
        @DisplayName("a given file re-indented by an IDE counts as unchanged: no note")
        void whitespaceIsNoChange() throws IOException {
            Path in = copy(Submissions.GIVEN, copy(Fixtures.SOLUTIONS, temp.resolve("in/cnn")));
            Path network = in.resolve("Network.java");
            Files.writeString(
                    network, Files.readString(network).replace("    ", "\t").replace("\n", "\r\n"));

            assertThat(compile(in).notes()).isEmpty();
        }

        @Test
        @DisplayName("a helper declaring the class Network again is left out, with the compiler's words")
        void helperDeclaringAGivenClass() throws IOException {
            Path in = copy(Fixtures.SOLUTIONS, temp.resolve("in/cnn"));
            Files.writeString(in.resolve("Util.java"), "package cnn;\nfinal class Util {}\nfinal class Network {}\n");

            Compilation c = compile(in);

            assertThat(c.stubbed()).isEmpty();
            assertThat(c.notes()).singleElement().asString().contains("Util.java does not compile and was left out");
            assertThat(c.classes().resolve("cnn/Training.class")).isRegularFile();
        }

        private Compilation compile(Path handIn) throws IOException {
            Sources sources = SourceFinder.find(handIn.getParent());
            return StepCompiler.compileHandIn(sources, Files.createDirectories(temp.resolve("work")), Javac.IN_PROCESS);
        }
    }

    /** @return {@code cnn.Network.DETECTORS} of the compiled classes, loaded apart from the test's class path */
    private static int detectors(Path classes) throws Exception {
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            return loader.loadClass("cnn.Network").getField("DETECTORS").getInt(null);
        }
    }
}
