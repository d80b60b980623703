package cnnkit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.Fixtures;
import cnnkit.grader.run.KeptArchives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grade --archives}; that the archives are made and then used is checked from the built jar (GradescopeJarTest). */
@DisplayName("grade --archives DIR")
class ArchivesOptionTest {
    @Test
    @DisplayName("archives that do not fit (random bytes) are ignored by the JVMs: the reference still gets full marks")
    void unfitArchivesIgnored(@TempDir Path temp) throws IOException {
        Path submission =
                Fixtures.copy(Fixtures.SOLUTIONS, temp.resolve("ada/cnn")).getParent();
        Path archives = Files.createDirectories(temp.resolve("cds"));
        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);
        for (String name : List.of(KeptArchives.WORKER, KeptArchives.JAVAC)) {
            Files.write(archives.resolve(name), noise);
        }
        Path out = temp.resolve("out");

        assertThat(Main.run(
                        "grade",
                        "--archives",
                        archives.toString(),
                        "--jobs",
                        "1",
                        "--out",
                        out.toString(),
                        submission.toString()))
                .isZero();

        assertThat(Fixtures.lines(out.resolve("gradebook.csv")).get(1)).startsWith("ada,graded,100,100,");
    }
}
