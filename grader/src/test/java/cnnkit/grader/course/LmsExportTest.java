package cnnkit.grader.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnkit.grader.cli.Main;
import cnnkit.grader.common.Assignment;
import cnnkit.grader.report.Gradebook;
import cnnkit.grader.testing.Csv;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The LMS export and the roster")
class LmsExportTest {
    @TempDir
    Path temp;

    Path gradebook;
    Path roster;

    @BeforeEach
    void classOfThree() throws IOException {
        gradebook = temp.resolve("gradebook.csv");
        try (Writer w = Files.newBufferedWriter(gradebook);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            csv.printRecord(Gradebook.header());
            csv.printRecord(row("ada", "graded", "72.5", "80", "10"));
            csv.printRecord(row("bob", "compile_error", "0", "80", "0"));
            csv.printRecord(row("eve", "graded", "40", "80", "5"));
        }
        roster = Files.writeString(temp.resolve("roster.csv"), """
            id,name,email,sis_user_id
            ada,"Lovelace, Ada",ada@uni.example,S001
            bob,Bob "the builder" Byte,bob@uni.example,
            cy,Cy Nobody,cy@uni.example,S003
            """);
    }

    private static List<String> row(String id, String status, String score, String max, String perStep) {
        List<String> row = new ArrayList<>(List.of(id, status, score, max));
        for (Step s : Step.values()) {
            row.add(perStep);
        }
        return row;
    }

    private static List<String> values(CSVRecord r) {
        return r.toList();
    }

    @Nested
    @DisplayName("Canvas")
    class Canvas {
        @Test
        @DisplayName(
                "writes Student,ID,SIS User ID,SIS Login ID,Section,<assignment>, a Points Possible row, one row per roster student")
        void withRoster() throws IOException {
            Path out = temp.resolve("canvas.csv");
            assertThat(Main.run(
                            "export",
                            "--format",
                            "canvas",
                            "--gradebook",
                            gradebook.toString(),
                            "--roster",
                            roster.toString(),
                            "--out",
                            out.toString(),
                            "--assignment",
                            "CNN exercises (4242)"))
                    .isZero();
            List<CSVRecord> rows = Csv.records(out);
            assertThat(values(rows.get(0)))
                    .containsExactly("Student", "ID", "SIS User ID", "SIS Login ID", "Section", "CNN exercises (4242)");
            assertThat(values(rows.get(1))).containsExactly("Points Possible", "", "", "", "", "80");
            assertThat(values(rows.get(2))).containsExactly("Lovelace, Ada", "", "S001", "ada@uni.example", "", "72.5");
            assertThat(values(rows.get(3)))
                    .containsExactly("Bob \"the builder\" Byte", "", "", "bob@uni.example", "", "0");
            assertThat(values(rows.get(4)))
                    .as("no submission: blank, never an invented zero")
                    .containsExactly("Cy Nobody", "", "S003", "cy@uni.example", "", "");
            assertThat(rows).as("eve is not on the roster: left out").hasSize(5);
        }

        @Test
        @DisplayName("without a roster, the submission id is the SIS Login ID")
        void withoutRoster() throws IOException {
            Path out = temp.resolve("canvas.csv");
            assertThat(Main.run(
                            "export",
                            "--format",
                            "canvas",
                            "--gradebook",
                            gradebook.toString(),
                            "--out",
                            out.toString()))
                    .isZero();
            List<CSVRecord> rows = Csv.records(out);
            assertThat(values(rows.get(0)).get(5)).isEqualTo("CNN exercises");
            assertThat(rows).hasSize(5);
            assertThat(values(rows.get(4))).containsExactly("eve", "", "", "eve", "", "40");
        }
    }

    @Nested
    @DisplayName("Moodle")
    class Moodle {
        @Test
        @DisplayName(
                "writes Full name,Email address,Username,ID number,<assignment>,Feedback with the step points in the feedback")
        void withRoster() throws IOException {
            Path out = temp.resolve("moodle.csv");
            assertThat(Main.run(
                            "export",
                            "--format",
                            "moodle",
                            "--gradebook",
                            gradebook.toString(),
                            "--roster",
                            roster.toString(),
                            "--out",
                            out.toString()))
                    .isZero();
            List<CSVRecord> rows = Csv.records(out);
            assertThat(values(rows.get(0)))
                    .containsExactly(
                            "Full name", "Email address", "Username", "ID number", "CNN exercises", "Feedback");
            CSVRecord ada = rows.get(1);
            assertThat(values(ada).subList(0, 5))
                    .as("no username on the roster: left blank, never the submission id")
                    .containsExactly("Lovelace, Ada", "ada@uni.example", "", "", "72.5");
            assertThat(ada.get(5)).startsWith("graded: 72.5/80.").contains("Convolution 10", "ErrorMeasures 10");
            assertThat(values(rows.get(3))).containsExactly("Cy Nobody", "cy@uni.example", "", "", "", "");
            assertThat(rows).hasSize(4);
        }

        @Test
        @DisplayName("--identify-by username refuses a roster row without a username, naming it; nothing is written")
        void rowWithoutUsername() throws IOException {
            Path users = Files.writeString(temp.resolve("users.csv"), """
                id,name,email,username
                ada,Ada,ada@uni.example,alovelace
                bob,Bob,bob@uni.example,
                """);
            LmsExport export = new LmsExport(
                    GradebookTable.load(gradebook),
                    java.util.Optional.of(Roster.load(users)),
                    "CNN",
                    LmsExport.Identity.USERNAME);
            Path out = temp.resolve("moodle.csv");
            assertThatThrownBy(() -> export.write(LmsExport.Format.MOODLE, out))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no username for bob");
            assertThat(out).doesNotExist();
        }

        @Test
        @DisplayName("refuses a blank or shared email when identifying by email; warns of a blank email otherwise")
        void blankOrSharedEmail() throws IOException {
            Path users = Files.writeString(temp.resolve("users.csv"), """
                id,name,email,username
                ada,Ada,ada@uni.example,alovelace
                bob,Bob,,bbyte
                eve,Eve,ADA@uni.example,eve
                """);
            Roster r = Roster.load(users);
            Path out = temp.resolve("moodle.csv");
            assertThatThrownBy(() -> new LmsExport(
                                    GradebookTable.load(gradebook),
                                    java.util.Optional.of(r),
                                    "CNN",
                                    LmsExport.Identity.EMAIL)
                            .write(LmsExport.Format.MOODLE, out))
                    .hasMessageContaining("no email for bob")
                    .hasMessageContaining("ada and eve share email");
            LmsExport.Outcome byName = new LmsExport(
                            GradebookTable.load(gradebook),
                            java.util.Optional.of(r),
                            "CNN",
                            LmsExport.Identity.USERNAME)
                    .write(LmsExport.Format.MOODLE, out);
            assertThat(byName.warnings())
                    .singleElement()
                    .asString()
                    .contains("blank email")
                    .contains("bob");
            List<CSVRecord> rows = Csv.records(out);
            assertThat(rows).extracting(row -> row.get(2)).containsExactly("Username", "alovelace", "bbyte", "eve");
        }

        @Test
        @DisplayName("without a roster only --identify-by username works, with the submission id as username")
        void withoutRoster() throws IOException {
            Path out = temp.resolve("moodle.csv");
            String[] err = new String[1];
            assertThat(GradescopeAutograderTest.withStderr(
                            err,
                            () -> Main.run(
                                    "export",
                                    "--format",
                                    "moodle",
                                    "--gradebook",
                                    gradebook.toString(),
                                    "--out",
                                    out.toString())))
                    .isEqualTo(2);
            assertThat(err[0]).contains("--identify-by username");
            assertThat(out).doesNotExist();
            assertThat(Main.run(
                            "export",
                            "--format",
                            "moodle",
                            "--gradebook",
                            gradebook.toString(),
                            "--identify-by",
                            "username",
                            "--out",
                            out.toString()))
                    .isZero();
            assertThat(Csv.records(out)).extracting(row -> row.get(2)).containsExactly("Username", "ada", "bob", "eve");
        }
    }

    @Nested
    @DisplayName("Part 2's gradebook (grade --assignment backprop)")
    class Part2 {
        Path part2;

        @BeforeEach
        void classOfTwo() throws IOException {
            part2 = temp.resolve("part2/gradebook.csv");
            Files.createDirectories(part2.getParent());
            try (Writer w = Files.newBufferedWriter(part2);
                    CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
                csv.printRecord(Gradebook.header(Assignment.BACKPROP));
                csv.printRecord(part2Row("ada", "graded", "85", "100", "12.5"));
                csv.printRecord(part2Row("bob", "graded", "20", "100", "0"));
            }
        }

        private static List<String> part2Row(String id, String status, String score, String max, String perUnit) {
            List<String> row = new ArrayList<>(List.of(id, status, score, max));
            Assignment.BACKPROP.units().forEach(unit -> row.add(perUnit));
            return row;
        }

        @Test
        @DisplayName("is read as Part 2's, its units by name")
        void readAsPart2() throws IOException {
            GradebookTable table = GradebookTable.load(part2);
            assertThat(table.assignment()).isEqualTo(Assignment.BACKPROP);
            assertThat(table.rows().get(0).units().keySet()).containsExactlyElementsOf(Assignment.BACKPROP.units());
            assertThat(table.rows().get(0).units()).containsEntry(Step.TRAINING, "12.5");
        }

        @Test
        @DisplayName("Canvas: Points Possible is its max_score, the column Part 2's own title unless one is given")
        void canvas() throws IOException {
            Path out = temp.resolve("canvas.csv");
            assertThat(Main.run(
                            "export",
                            "--format",
                            "canvas",
                            "--gradebook",
                            part2.toString(),
                            "--roster",
                            roster.toString(),
                            "--out",
                            out.toString()))
                    .isZero();
            List<CSVRecord> rows = Csv.records(out);
            assertThat(values(rows.get(0)).get(5))
                    .isEqualTo(LmsExport.PART_2_TITLE)
                    .isNotEqualTo(LmsExport.PART_1_TITLE);
            assertThat(values(rows.get(1))).containsExactly("Points Possible", "", "", "", "", "100");
            assertThat(values(rows.get(2))).containsExactly("Lovelace, Ada", "", "S001", "ada@uni.example", "", "85");
            assertThat(values(rows.get(4))).containsExactly("Cy Nobody", "", "S003", "cy@uni.example", "", "");
        }

        @Test
        @DisplayName("Moodle: the feedback names Part 2's units and their points")
        void moodle() throws IOException {
            Path out = temp.resolve("moodle.csv");
            assertThat(Main.run(
                            "export",
                            "--format",
                            "moodle",
                            "--gradebook",
                            part2.toString(),
                            "--roster",
                            roster.toString(),
                            "--out",
                            out.toString(),
                            "--assignment",
                            "Backprop"))
                    .isZero();
            List<CSVRecord> rows = Csv.records(out);
            assertThat(values(rows.get(0)).get(4)).isEqualTo("Backprop");
            assertThat(rows.get(1).get(5))
                    .startsWith("graded: 85/100.")
                    .contains("ConvolutionBackward 12.5", "SoftmaxBackward 12.5", "Training 12.5")
                    .doesNotContain("ErrorMeasures");
        }

        @Test
        @DisplayName("the roster gradebook has Part 2's columns, and blank ones for an absent student")
        void rosterGradebook() throws IOException {
            Path out = temp.resolve(RosterGradebook.FILE);
            RosterGradebook.write(GradebookTable.load(part2), Roster.load(roster), out);
            List<CSVRecord> rows = Csv.records(out);
            assertThat(values(rows.get(0))).isEqualTo(RosterGradebook.header(Assignment.BACKPROP));
            assertThat(values(rows.get(0)).subList(6, rows.get(0).size()))
                    .containsExactlyElementsOf(Assignment.BACKPROP.units());
            assertThat(values(rows.get(1)))
                    .hasSize(6 + Assignment.BACKPROP.units().size());
            assertThat(values(rows.get(3)).subList(0, 4))
                    .containsExactly("cy", "Cy Nobody", "cy@uni.example", RosterGradebook.MISSING);
            assertThat(values(rows.get(3)))
                    .hasSize(6 + Assignment.BACKPROP.units().size());
        }
    }

    @Nested
    @DisplayName("roster")
    class RosterFile {
        @Test
        @DisplayName("grade --roster's roster-gradebook.csv adds name and email, and a missing row per absent student")
        void rosterGradebook() throws IOException {
            Path out = temp.resolve(RosterGradebook.FILE);
            LmsExport.Outcome outcome = RosterGradebook.write(GradebookTable.load(gradebook), Roster.load(roster), out);
            List<CSVRecord> rows = Csv.records(out);
            assertThat(values(rows.get(0))).isEqualTo(RosterGradebook.header(Assignment.FORWARD));
            assertThat(values(rows.get(1)).subList(0, 6))
                    .containsExactly("ada", "Lovelace, Ada", "ada@uni.example", "graded", "72.5", "80");
            assertThat(values(rows.get(3)).subList(0, 4)).containsExactly("eve", "", "", "graded");
            assertThat(values(rows.get(4)).subList(0, 4))
                    .containsExactly("cy", "Cy Nobody", "cy@uni.example", RosterGradebook.MISSING);
            assertThat(outcome.notOnRoster()).containsExactly("eve");
            assertThat(outcome.withoutSubmission()).containsExactly("cy");
        }

        @Test
        @DisplayName("rejects a roster without id,name,email or with an id twice, and a file that is not a gradebook")
        void rejectsBadFiles() throws IOException {
            Path noEmail = Files.writeString(temp.resolve("a.csv"), "id,name\nada,Ada\n");
            assertThatThrownBy(() -> Roster.load(noEmail)).hasMessageContaining("[id, name, email]");
            Path twice = Files.writeString(temp.resolve("b.csv"), "id,name,email\nada,A,a@x\nada,B,b@x\n");
            assertThatThrownBy(() -> Roster.load(twice)).hasMessageContaining("'ada' appears twice");
            assertThatThrownBy(() -> GradebookTable.load(roster)).hasMessageContaining("is not a gradebook");
            assertThat(Main.run(
                            "export",
                            "--format",
                            "canvas",
                            "--gradebook",
                            gradebook.toString(),
                            "--roster",
                            noEmail.toString(),
                            "--out",
                            temp.resolve("x.csv").toString()))
                    .isEqualTo(2);
            assertThat(Main.run(
                            "export",
                            "--format",
                            "blackboard",
                            "--gradebook",
                            gradebook.toString(),
                            "--out",
                            temp.resolve("x.csv").toString()))
                    .isEqualTo(2);
        }

        @Test
        @DisplayName("reads a spreadsheet's UTF-8 byte order mark and extra columns")
        void byteOrderMark() throws IOException {
            Path bom = Files.writeString(temp.resolve("bom.csv"), "\uFEFFid,name,email,section\nada,Ada,a@x,L1\n");
            Roster r = Roster.load(bom);
            assertThat(r.student("ada").orElseThrow().get("section")).contains("L1");
        }
    }
}
