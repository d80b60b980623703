package cnnkit.grader.cli;

import static cnnkit.grader.Fixtures.copy;
import static cnnkit.grader.Fixtures.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnkit.grader.Fixtures;
import cnnkit.grader.report.ClassReport;
import cnnkit.grader.score.Rubric;
import cnnkit.grader.testing.Csv;
import cnnkit.grader.testing.ResultsFiles;
import cnnkit.lecture.Step;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades one small class end to end through {@code Main} (as {@code java -jar cnn-grader.jar grade} would) and reads
 * the outputs. The class is built from the reference solutions and the exercise stubs; expectations come from the
 * default rubric, so the test does not depend on how many hidden checks a step has.
 */
@DisplayName("grade --class: one small class end to end")
class GradeCommandTest {
    private static final String EXPECTED_HEADER = "submission,status,score,max_score,Convolution,Relu,MaxPooling,"
            + "Flattening,FullConnection,Softmax,CrossEntropy,ErrorMeasures";
    private static final Rubric RUBRIC = Rubric.defaults();

    @TempDir
    static Path temp;

    static Path out;
    static int exitStatus;
    static String console;
    static Map<String, CSVRecord> rows = new LinkedHashMap<>();

    @BeforeAll
    static void gradeTheClass() throws IOException {
        Path cls = Files.createDirectories(temp.resolve("class"));
        copy(Fixtures.SOLUTIONS, cls.resolve("full/src/main/java/cnn"));
        copy(Fixtures.STUBS, cls.resolve("stubs/cnn"));
        edit(copy(Fixtures.SOLUTIONS, cls.resolve("syntax")).resolve("Relu.java"), "return out;", "return out");
        Files.delete(copy(Fixtures.SOLUTIONS, cls.resolve("missing")).resolve("Relu.java"));
        edit(
                copy(Fixtures.SOLUTIONS, cls.resolve("signature")).resolve("Relu.java"),
                "public static double[][][] apply(",
                "static double[][][] apply(");
        edit(
                copy(Fixtures.SOLUTIONS, cls.resolve("static-init")).resolve("Relu.java"),
                "private Relu() {",
                "static { if (Boolean.parseBoolean(\"true\")) { throw new IllegalStateException(\"boom\"); } }\n"
                        + "    private Relu() {");
        edit(
                copy(Fixtures.SOLUTIONS, cls.resolve("loop")).resolve("Relu.java"),
                "Require.rectangular(featureMap, \"featureMap\");",
                "while (featureMap != null) { }");
        edit(
                cls.resolve("loop").resolve("Relu.java"),
                "Require.sameShapeStack(featureMaps, \"featureMaps\");",
                "while (featureMaps != null) { }");
        Path deep = copy(Fixtures.SOLUTIONS, cls.resolve("deep/ide/ws/project/src/main/java/cnn"));
        edit(
                deep.resolve("Relu.java"),
                "Require.rectangular(featureMap, \"featureMap\");",
                "System.out.println(\"DEBUG relu called\"); Require.rectangular(featureMap, \"featureMap\");");
        Path deepRoot = cls.resolve("deep/ide/ws/project/src");
        Files.createDirectories(deepRoot.resolve("test/java/cnn"));
        Files.writeString(deepRoot.resolve("test/java/cnn/ReluTest.java"), "package cnn; class ReluTest { junk }");
        Files.createDirectories(deepRoot.resolve("main/java/other"));
        Files.writeString(deepRoot.resolve("main/java/other/Foo.java"), "package other; class Foo { junk }");
        Fixtures.zip(
                copy(Fixtures.SOLUTIONS, temp.resolve("to-zip/cnn")).getParent(),
                cls.resolve("zipped.zip"),
                "my-project");
        Files.createDirectories(cls.resolve("empty"));
        Files.writeString(cls.resolve("bad.zip"), "this is not a zip");
        Files.writeString(cls.resolve("notes.txt"), "neither a folder nor a zip");

        out = temp.resolve("out");
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            exitStatus = Main.run("grade", "--class", cls.toString(), "--out", out.toString(), "--jobs", "2");
        } finally {
            System.setOut(old);
        }
        console = buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
        rows = Csv.gradebook(out);
    }

    @Test
    @DisplayName("exits with 0: every submission got a row")
    void exitsWithZero() {
        assertThat(exitStatus).isZero();
        assertThat(rows.keySet())
                .containsExactly(
                        "bad",
                        "deep",
                        "empty",
                        "full",
                        "loop",
                        "missing",
                        "signature",
                        "static-init",
                        "stubs",
                        "syntax",
                        "zipped");
    }

    @Test
    @DisplayName("the gradebook has exactly the agreed header, one row per submission, sorted by id")
    void gradebookHeader() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("gradebook.csv"));
        assertThat(lines.get(0)).isEqualTo(EXPECTED_HEADER);
        List<String> ids =
                lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(ids).isSorted().hasSize(rows.size());
    }

    @Nested
    @DisplayName("scores")
    class Scores {
        @Test
        @DisplayName("the reference solutions get full marks, in any folder layout and zipped")
        void solutionsFullMarks() {
            assertThat(RUBRIC.maxScore()).isPositive();
            for (String id : List.of("full", "deep", "zipped")) {
                assertThat(rows.get(id).get("status")).as(id).isEqualTo("graded");
                assertThat(number(id, "score")).as(id).isEqualTo(RUBRIC.maxScore(), within(1e-9));
                assertThat(number(id, "max_score")).as(id).isEqualTo(RUBRIC.maxScore(), within(1e-9));
            }
        }

        @Test
        @DisplayName("the exercise stubs compile and score 0")
        void stubsScoreZero() {
            assertThat(rows.get("stubs").get("status")).isEqualTo("graded");
            assertThat(number("stubs", "score")).isZero();
        }

        @Test
        @DisplayName("a broken Relu costs the Relu step only")
        void brokenStepCostsThatStepOnly() {
            for (String id : List.of("syntax", "missing", "signature", "static-init", "loop")) {
                assertThat(number(id, "Relu")).as(id).isZero();
                for (Step step : Step.values()) {
                    if (step != Step.RELU) {
                        assertThat(number(id, step.className()))
                                .as(id + " " + step)
                                .isEqualTo(RUBRIC.stepTotal(step), within(1e-9));
                    }
                }
            }
        }

        @Test
        @DisplayName("no cnn sources and a .zip that is not a zip get their own statuses; a stray file is listed")
        void statuses() {
            assertThat(rows.get("empty").get("status")).isEqualTo("no_sources");
            assertThat(rows.get("bad").get("status")).isEqualTo("rejected");
            assertThat(rows).doesNotContainKey("notes.txt");
            assertThat(console).contains("Ignored in ").contains("notes.txt");
        }
    }

    @Nested
    @DisplayName("feedback.md")
    class FeedbackFiles {
        @Test
        @DisplayName("quotes the compiler's message with its line for a step that does not compile")
        void compilerMessage() throws IOException {
            assertThat(feedback("syntax"))
                    .contains("Relu.java does not compile")
                    .containsPattern("line \\d+: ';' " + "expected");
        }

        @Test
        @DisplayName("names the missing file and the missing signature")
        void missingFileAndSignature() throws IOException {
            assertThat(feedback("missing")).contains("Relu.java was not found");
            assertThat(feedback("signature"))
                    .contains("lacks the method `public static double[][][] " + "apply(double[][][])`");
        }

        @Test
        @DisplayName("shows a static initialiser's exception and a check that never ends")
        void runtimeFailures() throws IOException {
            assertThat(feedback("static-init")).contains("boom");
            assertThat(feedback("loop")).contains("TIMEOUT");
        }

        @Test
        @DisplayName("shows debugging prints and says what was ignored")
        void printsAndIgnored() throws IOException {
            assertThat(feedback("deep"))
                    .contains("DEBUG relu called")
                    .contains("src/test/: a build-output or test folder")
                    .contains("other/Foo.java: is in package other");
        }
    }

    @Nested
    @DisplayName("results.json")
    class Results {
        @Test
        @DisplayName("has Gradescope's fields, and its score is the sum of its tests' and the gradebook's score")
        void gradescopeShape() throws IOException {
            for (String id : rows.keySet()) {
                JsonObject json = results(out, id);
                assertThat(json.keySet()).as(id).contains("score", "execution_time", "output", "tests");
                double sum = 0;
                for (JsonElement t : json.getAsJsonArray("tests")) {
                    JsonObject test = t.getAsJsonObject();
                    assertThat(test.keySet())
                            .contains("name", "number", "score", "max_score", "status", "output", "visibility");
                    assertThat(test.get("status").getAsString()).isIn("passed", "failed");
                    sum += test.get("score").getAsDouble();
                }
                assertThat(json.get("score").getAsDouble())
                        .as(id)
                        .isEqualTo(sum, within(1e-6))
                        .isEqualTo(number(id, "score"), within(1e-6));
            }
        }
    }

    @Test
    @DisplayName("is deterministic: the same submissions graded again give the same rows and results")
    void deterministic() throws IOException {
        Path cls = temp.resolve("class");
        Path again = temp.resolve("again");
        int status = Main.run(
                "grade",
                "--out",
                again.toString(),
                "--jobs",
                "2",
                cls.resolve("full").toString(),
                cls.resolve("syntax").toString(),
                cls.resolve("zipped.zip").toString());
        assertThat(status).isZero();
        Map<String, CSVRecord> second = Csv.gradebook(again);
        assertThat(second.keySet()).containsExactly("full", "syntax", "zipped");
        for (String id : second.keySet()) {
            assertThat(second.get(id).toList()).isEqualTo(rows.get(id).toList());
            assertThat(ResultsFiles.withoutTime(again, id)).isEqualTo(ResultsFiles.withoutTime(out, id));
        }
    }

    @Test
    @DisplayName("writes class-report.html beside summary.md: links to each feedback.md, the solution copies grouped")
    void classReport() throws IOException {
        String html = Files.readString(out.resolve(ClassReport.FILE));
        java.util.regex.Matcher links =
                java.util.regex.Pattern.compile("href=\"([^\"]+)\"").matcher(html);
        List<String> targets = new ArrayList<>();
        while (links.find()) {
            targets.add(links.group(1));
        }
        // every submission's feedback, from the students' table (and again from the similar pairs), and no other
        assertThat(new java.util.TreeSet<>(targets))
                .hasSize(rows.size())
                .allSatisfy(t -> assertThat(out.resolve(t)).isRegularFile());
        // full/ and zipped.zip hold the same solutions; deep/ prints in Relu, so it differs
        assertThat(html).contains("<td>full, zipped</td><td>2</td>");
        assertThat(console).contains(ClassReport.FILE);
    }

    private static double number(String id, String column) {
        return Double.parseDouble(rows.get(id).get(column));
    }

    private static String feedback(String id) throws IOException {
        return Files.readString(out.resolve(id).resolve("feedback.md"));
    }

    private static JsonObject results(Path dir, String id) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve(id).resolve("results.json")))
                .getAsJsonObject();
    }
}
