package cnnkit.grader.cli;

import static cnnkit.grader.Fixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnkit.grader.Fixtures;
import cnnkit.grader.common.Assignment;
import cnnkit.grader.score.Rubric;
import cnnkit.grader.testing.Csv;
import cnnkit.grader.testing.Mutant;
import cnnkit.grader.testing.Submissions;
import cnnkit.hidden.support.Misconceptions;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grade --assignment backprop} end to end through {@code Main}, on a class of five: the reference, the
 * stubs, one backward mutant, and the reference without the given classes and with a changed {@code Network}. (That every mutant loses points in its own unit only is {@code MutantsTest}'s, at
 * unit level; this proves the command, the gradebook's columns and the feedback's words.)
 */
@DisplayName("grade --assignment backprop: Part 2 end to end")
class BackpropGradeTest {
    private static final String MUTANT = "pool-gradient-to-every-tie";
    private static final Rubric RUBRIC = Rubric.defaults(Assignment.BACKPROP);

    @TempDir
    static Path temp;

    static Path out;
    static int exitStatus;
    static Map<String, CSVRecord> rows;

    @BeforeAll
    static void gradeTheClass() throws IOException {
        Path cls = Files.createDirectories(temp.resolve("class"));
        // Each as a student hands in the handout's src/main/java/cnn: with the given Network and GradientCheck.
        copy(Submissions.GIVEN, copy(Fixtures.SOLUTIONS, cls.resolve("full/cnn")));
        copy(Submissions.GIVEN, copy(Fixtures.STUBS, cls.resolve("stubs/cnn")));
        Mutant.load(MUTANT).writeSource(copy(Submissions.GIVEN, copy(Fixtures.SOLUTIONS, cls.resolve("ties/cnn"))));
        // Without the given classes, and with a changed Network: the grader compiles the kit's copies.
        copy(Fixtures.SOLUTIONS, cls.resolve("bare/cnn"));
        Path network = copy(Submissions.GIVEN, copy(Fixtures.SOLUTIONS, cls.resolve("changed/cnn")))
                .resolve("Network.java");
        Files.writeString(network, Files.readString(network).replace("DETECTORS = 8;", "DETECTORS = 4;"));
        out = temp.resolve("out");
        exitStatus = Main.run(
                "grade", "--assignment", "backprop", "--class", cls.toString(), "--out", out.toString(), "--jobs", "2");
        rows = Csv.gradebook(out);
    }

    @Test
    @DisplayName("the gradebook's columns are the backward passes (and Training), not Part 1's steps")
    void gradebookHeader() throws IOException {
        assertThat(exitStatus).isZero();
        assertThat(Files.readAllLines(out.resolve("gradebook.csv")).get(0))
                .isEqualTo("submission,status,score,max_score," + String.join(",", Assignment.BACKPROP.units()))
                .contains(",ConvolutionBackward,ReluBackward,MaxPoolingBackward,")
                .endsWith(",SoftmaxBackward,Training");
    }

    @Test
    @DisplayName("the reference scores 100 and the stubs 0")
    void referenceAndStubs() {
        assertThat(Double.parseDouble(rows.get("full").get("score"))).isEqualTo(100.0, within(1e-9));
        assertThat(Double.parseDouble(rows.get("full").get("max_score"))).isEqualTo(100.0, within(1e-9));
        assertThat(Double.parseDouble(rows.get("stubs").get("score"))).isZero();
    }

    @Test
    @DisplayName("a hand-in without Network.java, or with a changed one, keeps its Training column: the kit's is used")
    void givenClassesComeFromTheKit() throws IOException {
        double training = RUBRIC.stepTotal(Step.CROSS_ENTROPY);
        assertThat(training).isPositive();
        for (String id : List.of("bare", "changed")) {
            assertThat(Double.parseDouble(rows.get(id).get(Step.TRAINING)))
                    .as(id)
                    .isEqualTo(training, within(1e-9));
            assertThat(Double.parseDouble(rows.get(id).get("score"))).as(id).isEqualTo(100.0, within(1e-9));
        }
        assertThat(Files.readString(out.resolve("changed").resolve("feedback.md")))
                .contains("Your Network.java differs from the handout's");
        assertThat(Files.readString(out.resolve("bare").resolve("feedback.md"))).doesNotContain("Network.java");
    }

    @Test
    @DisplayName("a backward mutant loses points in its own column only, and its feedback gives its hint")
    void mutantLosesInItsColumnWithItsHint() throws IOException {
        CSVRecord ties = rows.get("ties");
        for (Step step : Assignment.BACKPROP.steps()) {
            String column = Assignment.BACKPROP.unit(step).orElseThrow();
            double points = Double.parseDouble(ties.get(column));
            if (step == Step.MAX_POOLING) {
                assertThat(points).as(column).isLessThan(RUBRIC.stepTotal(step));
            } else {
                assertThat(points).as(column).isEqualTo(RUBRIC.stepTotal(step), within(1e-9));
            }
        }
        String feedback = Files.readString(out.resolve("ties").resolve("feedback.md"));
        assertThat(feedback)
                .contains("Back 2 — MaxPoolingBackward")
                .contains(Misconceptions.load().hint(MUTANT))
                .doesNotContain("Step 2 — MaxPooling");
    }

    @Test
    @DisplayName("results.json names the checks by their Part 2 unit")
    void resultsJson() throws IOException {
        String json = Files.readString(out.resolve("ties").resolve("results.json"));
        assertThat(json).contains("Back 2 — MaxPoolingBackward: ").doesNotContain("Extra 3");
        assertThat(List.of(json.split("\"name\""))).hasSizeGreaterThan(60);
    }
}
