package cnnkit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grader stopped from outside (SIGTERM, as {@code timeout} in Gradescope's run_autograder sends it first) leaves
 * no copy of a student's sources in the temporary folder, nor under {@code --out}. (Killed with SIGKILL, it leaves
 * them under {@code --out} only: see {@link GraderProcessTest}.)
 */
@DisplayName("A grader stopped by its time limit")
class KilledGraderTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("removes its temporary copies of the students' sources (and stops its worker JVMs)")
    void removesItsWorkFolder() throws Exception {
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        Path slow = Fixtures.copy(Fixtures.SOLUTIONS, temp.resolve("slow/cnn"));
        Fixtures.edit(
                slow.resolve("Relu.java"),
                "Require.rectangular(featureMap, \"featureMap\");",
                "while (featureMap != null) { }");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process grader = new ProcessBuilder(
                        "java",
                        "-Djava.io.tmpdir=" + tmp,
                        "-cp",
                        cp,
                        Main.class.getName(),
                        "grade",
                        "--jobs",
                        "1",
                        "--out",
                        temp.resolve("out").toString(),
                        slow.getParent().toString())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("grader.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            Path work = temp.resolve("out").resolve(cnnkit.grader.ClassGrading.WORK_FOLDER);
            while (copiesOfSources(work).isEmpty() && grader.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(copiesOfSources(work))
                    .as("the grader copied the sources under --out")
                    .isNotEmpty();
            Thread.sleep(1500); // let it start the worker JVM on the endless loop
            List<ProcessHandle> workers = grader.descendants().toList();
            grader.destroy(); // SIGTERM
            assertThat(grader.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (ProcessHandle w : workers) {
                w.onExit().get(30, TimeUnit.SECONDS);
            }
            assertThat(copiesOfSources(tmp))
                    .as(Files.readString(temp.resolve("grader.log")))
                    .isEmpty();
            assertThat(work).doesNotExist();
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .as(tree(tmp) + Files.readString(temp.resolve("grader.log")))
                        .noneMatch(n -> n.startsWith("cnnkit-grade"));
            }
        } finally {
            grader.destroyForcibly();
        }
    }

    private static String tree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return String.join("\n", all.map(Path::toString).toList()) + "\n";
        }
    }

    private static List<Path> copiesOfSources(Path tmp) throws IOException {
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(tmp)) {
            return all.filter(p -> p.getFileName().toString().equals("Relu.java"))
                    .toList();
        } catch (java.io.UncheckedIOException e) {
            return List.of(Path.of("being-written"));
        }
    }
}
