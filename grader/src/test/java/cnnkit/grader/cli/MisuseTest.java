package cnnkit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.Fixtures;
import cnnkit.grader.report.Gradebook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every user mistake of the command line is refused before any work, as one line on stderr with exit status 2
 * (never a stack trace), and nothing that exists is replaced without {@code --force}.
 */
@DisplayName("Misuse of the command line: one line, exit 2, nothing overwritten")
class MisuseTest {
    @TempDir
    Path temp;

    Path submission;
    Path gradebook;

    /** What one run printed on stderr, and its exit status. */
    record Run(int status, String err) {
        List<String> lines() {
            return err.lines().toList();
        }
    }

    static Run run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int status = Main.run(args);
            return new Run(status, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    /** Asserts a refusal: exit 2 and exactly one line on stderr that contains every given phrase. */
    static void refused(Run run, String... phrases) {
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.lines()).as(run.err()).hasSize(1);
        assertThat(run.lines().get(0)).contains(phrases).doesNotContain("Exception", "\tat ");
    }

    @BeforeEach
    void files() throws IOException {
        submission = Fixtures.copy(Fixtures.STUBS, temp.resolve("ada/cnn")).getParent();
        gradebook = temp.resolve("gradebook.csv");
        Files.writeString(
                gradebook, String.join(",", Gradebook.header()) + "\n" + "ada,graded,50,100,10,5,5,5,5,5,5,10\n");
    }

    @Nested
    @DisplayName("grade")
    class Grade {
        @Test
        @DisplayName("--out naming a file")
        void outIsAFile() throws IOException {
            Path file = Files.writeString(temp.resolve("out.txt"), "keep me");
            refused(run("grade", "--out", file.toString(), submission.toString()), "--out", "is a file");
            assertThat(file).hasContent("keep me");
        }

        @Test
        @DisplayName("a --timeout for the submission shorter than one check")
        void timeoutShorterThanACheck() {
            refused(
                    run("grade", "--timeout", "1", "--out", temp.resolve("out").toString(), submission.toString()),
                    "--timeout",
                    "nest",
                    "3 s");
            assertThat(temp.resolve("out")).doesNotExist();
        }

        @Test
        @DisplayName("a missing --rubric or --roster file")
        void missingFiles() {
            Path out = temp.resolve("out");
            refused(
                    run(
                            "grade",
                            "--out",
                            out.toString(),
                            "--rubric",
                            temp.resolve("nope.csv").toString(),
                            submission.toString()),
                    "--rubric",
                    "nope.csv",
                    "no such file");
            refused(
                    run(
                            "grade",
                            "--out",
                            out.toString(),
                            "--roster",
                            temp.resolve("who.csv").toString(),
                            submission.toString()),
                    "--roster",
                    "who.csv",
                    "no such file");
            assertThat(out).doesNotExist();
        }

        @Test
        @DisplayName("a roster with a quote that is never closed")
        void unbalancedQuote() throws IOException {
            Path roster = Files.writeString(
                    temp.resolve("roster.csv"),
                    "id,name,email\nada,\"Lovelace, Ada,ada@uni.example\nbob,Bob,bob@uni.example\n");
            refused(
                    run(
                            "grade",
                            "--out",
                            temp.resolve("out").toString(),
                            "--roster",
                            roster.toString(),
                            submission.toString()),
                    "roster.csv",
                    "quote is never closed");
        }

        @Test
        @DisplayName("a rubric with a misspelt check id names it and the nearest known id; one left out is named")
        void misspeltRubric() throws IOException {
            String rubric = Files.readString(Path.of("../hidden-tests/src/main/resources/cnnkit/rubric.csv"));
            assertThat(rubric).contains("Relu.lectureFeatureMap,");
            Path typo = Files.writeString(
                    temp.resolve("typo.csv"), rubric.replace("Relu.lectureFeatureMap,", "Relu.lectureFeaturMap,"));
            Path out = temp.resolve("out");
            refused(
                    run("grade", "--out", out.toString(), "--rubric", typo.toString(), submission.toString()),
                    "no hidden check 'Relu.lectureFeaturMap'",
                    "did you mean 'Relu.lectureFeatureMap'?");
            assertThat(out.resolve("gradebook.csv")).doesNotExist();
            // a check left out: the step's other checks take its points, so the total stays 100
            Path left = Files.writeString(
                    temp.resolve("left.csv"),
                    rubric.replace("Relu.lectureFeatureMap,Relu,1.25\n", "")
                            .replace("Relu.signedExampleMap,Relu,0.5", "Relu.signedExampleMap,Relu,1.75"));
            refused(
                    run("grade", "--out", out.toString(), "--rubric", left.toString(), submission.toString()),
                    "no points for Relu.lectureFeatureMap");
        }

        @Test
        @DisplayName("two submissions with one id (alice/ beside alice.zip) are named, never renamed")
        void sameId() throws IOException {
            Path cls = Files.createDirectories(temp.resolve("class"));
            Fixtures.copy(Fixtures.STUBS, cls.resolve("alice/cnn"));
            Fixtures.zip(cls.resolve("alice"), cls.resolve("alice.zip"), "alice");
            refused(
                    run("grade", "--out", temp.resolve("out").toString(), "--class", cls.toString()),
                    "'alice'",
                    cls.resolve("alice").toString(),
                    cls.resolve("alice.zip").toString());
        }

        @Test
        @DisplayName("a class folder without any submission")
        void emptyClass() throws IOException {
            Path cls = Files.createDirectories(temp.resolve("class"));
            Files.writeString(cls.resolve("README.txt"), "not a submission");
            refused(
                    run("grade", "--out", temp.resolve("out").toString(), "--class", cls.toString()),
                    "no submissions found");
        }

        @Test
        @DisplayName("an unknown option")
        void unknownOption() {
            refused(run("grade", "--colour", "red", submission.toString()), "--colour");
        }

        @Test
        @DisplayName(
                "--results-only with --shard, --rescore or --roster, which write no class files, nothing else, or one")
        void resultsOnlyWhereMeaningless() {
            String out = temp.resolve("out").toString();
            refused(
                    run("grade", "--results-only", "--shard", "1/2", "--out", out, submission.toString()),
                    "--results-only",
                    "shard");
            refused(run("grade", "--results-only", "--rescore", "--out", out), "--rescore", "--results-only");
            refused(
                    run(
                            "grade",
                            "--results-only",
                            "--roster",
                            gradebook.toString(),
                            "--out",
                            out,
                            submission.toString()),
                    "--results-only",
                    "--roster");
        }
    }

    @Nested
    @DisplayName("export")
    class Export {
        @Test
        @DisplayName("a missing --gradebook or --roster file")
        void missingFiles() {
            Path out = temp.resolve("canvas.csv");
            refused(
                    run(
                            "export",
                            "--format",
                            "canvas",
                            "--gradebook",
                            temp.resolve("gone.csv").toString(),
                            "--out",
                            out.toString()),
                    "--gradebook",
                    "gone.csv",
                    "no such file");
            refused(
                    run(
                            "export",
                            "--format",
                            "canvas",
                            "--gradebook",
                            gradebook.toString(),
                            "--roster",
                            temp.resolve("who.csv").toString(),
                            "--out",
                            out.toString()),
                    "--roster",
                    "no such file");
            assertThat(out).doesNotExist();
        }

        @Test
        @DisplayName("an --out that exists is kept without --force, replaced with it")
        void existingOut() throws IOException {
            Path out = Files.writeString(temp.resolve("canvas.csv"), "last term's grades");
            refused(
                    run("export", "--format", "canvas", "--gradebook", gradebook.toString(), "--out", out.toString()),
                    "canvas.csv",
                    "exists",
                    "--force");
            assertThat(out).hasContent("last term's grades");
            assertThat(run(
                                    "export",
                                    "--format",
                                    "canvas",
                                    "--gradebook",
                                    gradebook.toString(),
                                    "--out",
                                    out.toString(),
                                    "--force")
                            .status())
                    .isZero();
            assertThat(Files.readString(out)).startsWith("Student,ID,");
        }

        @Test
        @DisplayName("a roster with a quote that is never closed")
        void unbalancedQuote() throws IOException {
            Path roster = Files.writeString(temp.resolve("roster.csv"), "id,name,email\nada,\"Ada,a@x\n");
            refused(
                    run(
                            "export",
                            "--format",
                            "moodle",
                            "--gradebook",
                            gradebook.toString(),
                            "--roster",
                            roster.toString(),
                            "--out",
                            temp.resolve("m.csv").toString()),
                    "quote is never closed");
        }
    }

    @Test
    @DisplayName("gradescope: an --out that exists is kept without --force")
    void gradescopeExistingOut() throws IOException {
        Path out = Files.writeString(temp.resolve("autograder.zip"), "an older autograder");
        Path jar = Files.writeString(temp.resolve("fake.jar"), "jar");
        refused(run("gradescope", "--out", out.toString(), "--jar", jar.toString()), "autograder.zip", "--force");
        assertThat(out).hasContent("an older autograder");
        assertThat(run("gradescope", "--out", out.toString(), "--jar", jar.toString(), "--force")
                        .status())
                .isZero();
        assertThat(Files.size(out)).isGreaterThan(100);
    }
}
