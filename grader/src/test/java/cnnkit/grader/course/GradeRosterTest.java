package cnnkit.grader.course;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.cli.Main;
import cnnkit.grader.common.Assignment;
import cnnkit.grader.testing.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grade --roster} and the course options of {@code grade}, on submissions with nothing to run (fast). */
@DisplayName("grade --roster")
class GradeRosterTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("writes roster-gradebook.csv beside an unchanged gradebook.csv")
    void rosterGradebookBesideGradebook() throws IOException {
        Path klass = Files.createDirectories(temp.resolve("class"));
        Files.writeString(Files.createDirectories(klass.resolve("ada")).resolve("notes.txt"), "no code yet");
        Files.writeString(Files.createDirectories(klass.resolve("eve")).resolve("notes.txt"), "no code yet");
        Path roster = Files.writeString(
                temp.resolve("roster.csv"),
                "id,name,email\nada,Ada Lovelace,ada@uni.example\ncy,Cy Nobody,cy@uni.example\n");
        Path out = temp.resolve("out");

        assertThat(Main.run(
                        "grade", "--class", klass.toString(), "--out", out.toString(), "--roster", roster.toString()))
                .isZero();

        assertThat(Files.readAllLines(out.resolve("gradebook.csv")).get(0))
                .isEqualTo(
                        "submission,status,score,max_score,Convolution,Relu,MaxPooling,Flattening,FullConnection,Softmax,"
                                + "CrossEntropy,ErrorMeasures");
        List<CSVRecord> rows = Csv.records(out.resolve(RosterGradebook.FILE));
        assertThat(rows.get(0).toList()).isEqualTo(RosterGradebook.header(Assignment.FORWARD));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).toList().subList(0, 4))
                .containsExactly("ada", "Ada Lovelace", "ada@uni.example", "no_sources");
        assertThat(rows.get(2).toList().subList(0, 4)).containsExactly("eve", "", "", "no_sources");
        assertThat(rows.get(3).toList().subList(0, 4))
                .containsExactly("cy", "Cy Nobody", "cy@uni.example", RosterGradebook.MISSING);
    }

    @Test
    @DisplayName("with --assignment backprop writes a roster gradebook with Part 2's columns")
    void part2RosterGradebook() throws IOException {
        Path klass = Files.createDirectories(temp.resolve("class"));
        Files.writeString(Files.createDirectories(klass.resolve("ada")).resolve("notes.txt"), "no code yet");
        Path roster = Files.writeString(
                temp.resolve("roster.csv"), "id,name,email\nada,Ada Lovelace,ada@uni.example\ncy,Cy,cy@uni.example\n");
        Path out = temp.resolve("out");

        assertThat(Main.run(
                        "grade",
                        "--assignment",
                        "backprop",
                        "--class",
                        klass.toString(),
                        "--out",
                        out.toString(),
                        "--roster",
                        roster.toString()))
                .isZero();

        List<CSVRecord> rows = Csv.records(out.resolve(RosterGradebook.FILE));
        assertThat(rows.get(0).toList())
                .isEqualTo(RosterGradebook.header(Assignment.BACKPROP))
                .endsWith("SoftmaxBackward", "Training")
                .doesNotContain("ErrorMeasures");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).toList().subList(0, 4))
                .containsExactly("ada", "Ada Lovelace", "ada@uni.example", "no_sources");
        assertThat(rows.get(2).toList().subList(0, 4)).containsExactly("cy", "Cy", "cy@uni.example", "missing");
    }

    @Test
    @DisplayName("refuses, before grading, a roster without the id,name,email columns and an unknown visibility")
    void usageErrors() throws IOException {
        Path sub = Files.createDirectories(temp.resolve("ada"));
        Path bad = Files.writeString(temp.resolve("bad.csv"), "id,name\nada,Ada\n");
        Path out = temp.resolve("out");
        assertThat(Main.run("grade", "--out", out.toString(), "--roster", bad.toString(), sub.toString()))
                .isEqualTo(2);
        assertThat(Main.run("grade", "--out", out.toString(), "--visibility", "sometimes", sub.toString()))
                .isEqualTo(2);
        assertThat(out.resolve("gradebook.csv")).doesNotExist();
    }
}
