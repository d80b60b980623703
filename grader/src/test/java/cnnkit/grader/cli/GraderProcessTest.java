package cnnkit.grader.cli;

import static cnnkit.grader.Fixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.Fixtures;
import cnnkit.grader.testing.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader as its own process, as an instructor or Gradescope runs it: with a small heap, and killed from outside.
 */
@DisplayName("The grader process")
class GraderProcessTest {
    /** Gradescope's setting, and the memory the grader ran out of. */
    private static final String HEAP = "-Xmx256m";

    @TempDir
    Path temp;

    @Test
    @DisplayName("at -Xmx256m writes the gradebook for a class whose every step throws near-megabyte messages")
    void smallHeapHugeMessages() throws Exception {
        Path cls = Files.createDirectories(temp.resolve("class"));
        copy(Fixtures.SOLUTIONS, cls.resolve("honest"));
        for (int i = 1; i <= 4; i++) {
            hugeMessages(cls.resolve("huge-" + i));
        }
        Path out = temp.resolve("out");
        Process grader = start(cls, out, temp.resolve("tmp"));
        assertThat(grader.waitFor(600, TimeUnit.SECONDS))
                .as("the grader finished")
                .isTrue();
        assertThat(grader.exitValue()).isZero();
        Map<String, CSVRecord> rows = Csv.gradebook(out);
        assertThat(rows).containsOnlyKeys("honest", "huge-1", "huge-2", "huge-3", "huge-4");
        assertThat(rows.get("honest").get("score")).isEqualTo("100");
        for (int i = 1; i <= 4; i++) {
            assertThat(rows.get("huge-" + i).get("score")).isEqualTo("0");
            for (String report : List.of("feedback.md", "results.json")) {
                assertThat(Files.size(out.resolve("huge-" + i).resolve(report))).isLessThanOrEqualTo(1 << 20);
            }
        }
    }

    @Test
    @DisplayName("killed mid-run leaves no student source in the temp folder, and the next run clears what it left")
    void killedFromOutside() throws Exception {
        Path cls = Files.createDirectories(temp.resolve("class"));
        String marker = "student-marker-" + System.nanoTime();
        for (String id : List.of("a", "b", "c")) {
            Path cnn = copy(Fixtures.SOLUTIONS, cls.resolve(id).resolve("cnn"));
            Files.writeString(
                    cnn.resolve("Relu.java"), "// " + marker + "\n" + Files.readString(cnn.resolve("Relu.java")));
        }
        Path out = temp.resolve("out");
        Path tmp = temp.resolve("tmp");
        Process grader = start(cls, out, tmp);
        List<ProcessHandle> family = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (holding(temp, marker).stream().noneMatch(p -> p.startsWith(out))
                    && grader.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(grader.isAlive()).as("still grading when killed").isTrue();
            grader.descendants().forEach(family::add);
            grader.destroyForcibly().waitFor();
        } finally {
            family.forEach(ProcessHandle::destroyForcibly); // its workers, which would end on their own
        }
        assertThat(holding(tmp, marker))
                .as("student sources in the temp folder")
                .isEmpty();
        // the run's copies are in its work folder; a submission graded before the kill keeps its graded sources
        assertThat(holding(temp, marker))
                .allMatch(p -> p.startsWith(out.resolve(cnnkit.grader.ClassGrading.WORK_FOLDER))
                        || p.startsWith(cls)
                        || p.getParent().getFileName().toString().equals(cnnkit.grader.Grader.SOURCES));

        Files.delete(cls.resolve("b").resolve("cnn").resolve("Softmax.java")); // a quick re-run: different files
        Process again = start(cls, out, tmp);
        assertThat(again.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(out.resolve(cnnkit.grader.ClassGrading.WORK_FOLDER)).doesNotExist();
        assertThat(Csv.gradebook(out)).containsOnlyKeys("a", "b", "c");
    }

    /** Every step's stub, each "not implemented" replaced by an AssertionError of 900,000 characters. */
    private static void hugeMessages(Path dir) throws IOException {
        Path cnn = copy(Fixtures.STUBS, dir.resolve("cnn"));
        try (Stream<Path> files = Files.list(cnn)) {
            for (Path f : files.toList()) {
                Files.writeString(
                        f,
                        Files.readString(f)
                                .replace(
                                        "new UnsupportedOperationException(",
                                        "new AssertionError(\"\\n## All checks passed `\".repeat(36_000) + "));
            }
        }
    }

    private static Process start(Path cls, Path out, Path tmp) throws IOException {
        Files.createDirectories(tmp);
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "grade",
                "--class",
                cls.toString(),
                "--out",
                out.toString(),
                "--jobs",
                "2");
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(
                        Files.createTempFile(tmp.getParent(), "grader", ".log").toFile())
                .start();
    }

    /** @return the files under a folder whose text contains the marker */
    private static List<Path> holding(Path root, String marker) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        try {
                            return Files.size(p) < (1 << 20)
                                    && new String(Files.readAllBytes(p), StandardCharsets.UTF_8).contains(marker);
                        } catch (IOException e) {
                            return false; // removed while we looked
                        }
                    })
                    .toList();
        } catch (java.io.UncheckedIOException e) {
            return holding(root, marker); // a folder removed while we walked: look again
        }
    }
}
