package cnnkit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.Fixtures;
import cnnkit.grader.report.ClassReport;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("grade --results-only (run_autograder's way)")
class ResultsOnlyTest {
    @Test
    @DisplayName("writes the submission's results.json and no class file: no gradebook, summary or class report")
    void noClassFiles(@TempDir Path temp) throws IOException {
        Path submission = Fixtures.copy(Fixtures.STUBS, temp.resolve("ada/cnn")).getParent();
        Path out = temp.resolve("out");

        assertThat(Main.run("grade", "--results-only", "--jobs", "1", "--out", out.toString(), submission.toString()))
                .isZero();

        assertThat(out.resolve("ada").resolve("results.json")).isNotEmptyFile();
        assertThat(out.resolve("gradebook.csv")).doesNotExist();
        assertThat(out.resolve("summary.md")).doesNotExist();
        assertThat(out.resolve(ClassReport.FILE)).doesNotExist();
    }
}
