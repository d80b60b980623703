package cnnkit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnkit.grader.cli.SampleClass.Sample;
import cnnkit.grader.common.Assignment;
import cnnkit.grader.score.Rubric;
import cnnkit.grader.testing.Csv;
import cnnkit.grader.testing.Submissions;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Part 2's sample class (grade --sample --assignment backprop)")
class SampleClassBackpropTest {
    private static final Path FOLDER = Path.of("src/main/resources/cnnkit/sample-class-backprop");
    private static final Rubric RUBRIC = Rubric.defaults(Assignment.BACKPROP);

    @TempDir
    static Path temp;

    private static List<Sample> samples;

    @BeforeAll
    static void materialise() throws IOException {
        samples = SampleClass.materialise(Assignment.BACKPROP, temp.resolve("class"));
    }

    @Nested
    @DisplayName("as shipped")
    class Shipped {
        @Test
        @DisplayName("index.txt lists the folder's files, and as _base the reference solutions with the given classes")
        void indexMatchesFolderAndBase() throws IOException {
            List<String> expected = new ArrayList<>();
            for (Path dir : List.of(Path.of("../solutions/src/main/java/cnn"), Submissions.GIVEN)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.map(f -> "_base/cnn/" + f.getFileName()).forEach(expected::add);
                }
            }
            try (Stream<Path> walk = Files.walk(FOLDER)) {
                walk.filter(Files::isRegularFile)
                        .map(p -> FOLDER.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> !p.equals("index.txt"))
                        .forEach(expected::add);
            }
            assertThat(SampleClass.index(Assignment.BACKPROP))
                    .isEqualTo(expected.stream().sorted().toList());
        }

        @Test
        @DisplayName("every sample states what it shows and expects full or the loss of Part 2 units")
        void expectationsNamePart2Units() {
            assertThat(samples)
                    .extracting(Sample::id)
                    .anyMatch(id -> id.startsWith("correct-"))
                    .anyMatch(id -> id.startsWith("mis-"))
                    .anyMatch(id -> id.startsWith("partial-"));
            for (Sample s : samples) {
                assertThat(s.about()).as(s.id()).isNotBlank();
                assertThat(lost(s))
                        .as(s.id())
                        .allMatch(unit -> Assignment.BACKPROP.units().contains(unit));
                assertThat(s.expect().equals("full") || !lost(s).isEmpty())
                        .as(s.id())
                        .isTrue();
            }
        }

        @Test
        @DisplayName("the correct one is the reference as a student hands it in: Training and Network included")
        void correctHasTrainingAndNetwork() {
            Path correct = temp.resolve("class/correct-plain/cnn");
            assertThat(correct.resolve("Training.java")).isRegularFile();
            assertThat(correct.resolve("Network.java")).isRegularFile();
            assertThat(temp.resolve("class/correct-without-given/cnn/Network.java"))
                    .doesNotExist();
        }
    }

    @Test
    @DisplayName("graded: the correct ones score in full, each other one loses exactly the units its recipe names")
    void gradedAsTheRecipesSay() throws IOException {
        Path out = temp.resolve("out");
        assertThat(Main.run("grade", "--sample", "--assignment", "backprop", "--out", out.toString(), "--jobs", "2"))
                .isZero();
        Map<String, CSVRecord> rows = Csv.gradebook(out);
        assertThat(rows.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        samples.stream().map(Sample::id).toList());
        List<String> wrong = new ArrayList<>();
        for (Sample s : samples) {
            CSVRecord row = rows.get(s.id());
            for (Step step : Assignment.BACKPROP.steps()) {
                String unit = Assignment.BACKPROP.unit(step).orElseThrow();
                boolean full = Math.abs(Double.parseDouble(row.get(unit)) - RUBRIC.stepTotal(step)) < 1e-9;
                if (full == lost(s).contains(unit)) {
                    wrong.add(s.id() + ": " + unit + " " + row.get(unit) + " of " + RUBRIC.stepTotal(step));
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(Double.parseDouble(rows.get("correct-plain").get("score"))).isEqualTo(100.0, within(1e-9));
    }

    private static List<String> lost(Sample s) {
        return s.expect().startsWith("loses ")
                ? Arrays.asList(s.expect().substring("loses ".length()).split(", "))
                : List.of();
    }
}
