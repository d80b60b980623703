package cnnkit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.Fixtures;
import cnnkit.grader.common.Trees;
import cnnkit.grader.course.RosterGradebook;
import cnnkit.grader.report.GradeStore;
import cnnkit.grader.testing.Csv;
import cnnkit.grader.testing.ResultsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grading into an {@code --out} that holds an earlier run: the submissions graded now replace their rows, the
 * others are kept; {@code --fresh} starts over; {@code --rescore} recomputes every score from the stored results
 * and gives what a full regrade with the new rubric gives.
 */
@DisplayName("Regrading into the same --out, and --rescore")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegradeTest {
    @TempDir
    static Path temp;

    static Path cls;
    static Path out;
    static Path newRubric;

    /** ada: the solutions; bob: the solutions with the Softmax stub (loses Softmax only). */
    @BeforeAll
    static void gradeTwo() throws IOException {
        cls = Files.createDirectories(temp.resolve("class"));
        Fixtures.copy(Fixtures.SOLUTIONS, cls.resolve("ada/cnn"));
        Path bob = Fixtures.copy(Fixtures.SOLUTIONS, cls.resolve("bob/cnn"));
        Files.copy(
                Fixtures.STUBS.resolve("Softmax.java"),
                bob.resolve("Softmax.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        out = temp.resolve("out");
        assertThat(Main.run("grade", "--jobs", "2", "--out", out.toString(), "--class", cls.toString()))
                .isZero();
        String rubric = Files.readString(Path.of("../hidden-tests/src/main/resources/cnnkit/rubric.csv"));
        newRubric = Files.writeString(
                temp.resolve("new-rubric.csv"),
                replace(
                        replace(rubric, "Relu.lectureFeatureMap,Relu,1.25", "Relu.lectureFeatureMap,Relu,2.25"),
                        "Softmax.lectureScores,Softmax,1.75",
                        "Softmax.lectureScores,Softmax,0.75"));
    }

    private static String replace(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    @Test
    @Order(1)
    @DisplayName("--rescore --rubric NEW gives the gradebook and results of a full regrade with NEW")
    void rescoreEqualsRegrade() throws IOException {
        Path rescored = temp.resolve("rescored");
        Trees.copy(out, rescored);
        assertThat(Main.run("grade", "--rescore", "--rubric", newRubric.toString(), "--out", rescored.toString()))
                .isZero();
        Path regraded = temp.resolve("regraded");
        assertThat(Main.run(
                        "grade",
                        "--jobs",
                        "2",
                        "--rubric",
                        newRubric.toString(),
                        "--out",
                        regraded.toString(),
                        "--class",
                        cls.toString()))
                .isZero();
        Map<String, CSVRecord> before = Csv.gradebook(out);
        Map<String, CSVRecord> after = Csv.gradebook(rescored);
        assertThat(after.get("bob").get("Softmax")).isEqualTo("0");
        assertThat(after.get("bob").get("score"))
                .as("bob loses Softmax's 10 points, then its 9")
                .isEqualTo("91")
                .isNotEqualTo(before.get("bob").get("score"));
        assertThat(Files.readString(rescored.resolve("gradebook.csv")))
                .isEqualTo(Files.readString(regraded.resolve("gradebook.csv")));
        for (String id : List.of("ada", "bob")) {
            assertThat(ResultsFiles.withoutTime(rescored, id)).as(id).isEqualTo(ResultsFiles.withoutTime(regraded, id));
        }
    }

    @Test
    @Order(2)
    @DisplayName("grading one submission again keeps the other's row, and rebuilds the summary and roster gradebook")
    void partialRegradeKeepsEarlierRows() throws IOException {
        Files.copy(
                Fixtures.SOLUTIONS.resolve("Softmax.java"),
                cls.resolve("bob/cnn/Softmax.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path roster = Files.writeString(temp.resolve("roster.csv"), "id,name,email\nada,Ada,a@x\nbob,Bob,b@x\n");
        assertThat(Main.run(
                        "grade",
                        "--out",
                        out.toString(),
                        "--roster",
                        roster.toString(),
                        cls.resolve("bob").toString()))
                .isZero();
        Map<String, CSVRecord> rows = Csv.gradebook(out);
        assertThat(rows.keySet()).containsExactly("ada", "bob");
        assertThat(rows.get("ada").get("score")).isEqualTo("100");
        assertThat(rows.get("bob").get("score")).as("bob's new grade").isEqualTo("100");
        assertThat(Files.readString(out.resolve("summary.md"))).contains("2 submission(s)");
        List<CSVRecord> rosterRows = Csv.records(out.resolve(RosterGradebook.FILE));
        assertThat(rosterRows).extracting(r -> r.get(0)).containsExactly("submission", "ada", "bob");
    }

    @Test
    @Order(3)
    @DisplayName("--fresh starts over: only the submissions graded now remain")
    void freshStartsOver() throws IOException {
        assertThat(Main.run(
                        "grade",
                        "--fresh",
                        "--out",
                        out.toString(),
                        cls.resolve("bob").toString()))
                .isZero();
        assertThat(Csv.gradebook(out).keySet()).containsExactly("bob");
        assertThat(out.resolve("ada")).doesNotExist();
        assertThat(out.resolve(RosterGradebook.FILE))
                .as("no --roster this time: a stale one is removed")
                .doesNotExist();
        assertThat(GradeStore.readAll(out).keySet()).containsExactly("bob");
    }

    @Test
    @Order(4)
    @DisplayName("--skip-unchanged keeps a submission whose sources are those of its stored grade, without running it")
    void skipUnchangedKeepsTheSameSources() throws IOException {
        Path again = temp.resolve("again");
        Trees.copy(out, again); // holds bob only (--fresh above)
        Files.writeString(
                cls.resolve("bob/cnn/Relu.java"),
                Files.readString(cls.resolve("bob/cnn/Relu.java")).replace("\n", "\n\n")); // whitespace only
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("grade", "--skip-unchanged", "--out", again.toString(), "--class", cls.toString()))
                    .isZero();
        } finally {
            System.setOut(stdout);
        }
        assertThat(console.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("--skip-unchanged: 1 submission(s) had the sources of their stored grade");
        Map<String, CSVRecord> rows = Csv.gradebook(again);
        assertThat(rows.keySet()).containsExactly("ada", "bob");
        assertThat(rows.get("ada").get("score"))
                .as("ada, new in this folder: graded")
                .isEqualTo("100");
        assertThat(rows.get("bob").toMap())
                .isEqualTo(Csv.gradebook(out).get("bob").toMap());
        assertThat(ResultsFiles.withoutTime(again, "bob")).isEqualTo(ResultsFiles.withoutTime(out, "bob"));
    }
}
