package cnnkit.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.score.Grade;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Similarity of submissions (JPlag, what students start from as base code)")
class SimilarityTest {
    /** A complete solution in one style (the sample class's base), and one written differently. */
    private static final Path ONE_STYLE = Path.of("src/main/resources/cnnkit/sample-class/_base/cnn");

    private static final Path OTHER_STYLE = Path.of("src/test/resources/submissions/correct-alternative");
    /** What students start from, as the handout in the grader's resources holds it: the stubs and the given code. */
    private static final Path START = cnnkit.grader.course.Handout.studentStart();

    @TempDir
    Path temp;

    @Test
    @DisplayName("a copy with renamed variables and comments is flagged; code written independently is not")
    void renamedCopyFlagged() throws IOException {
        Map<String, Path> sources = new LinkedHashMap<>();
        sources.put("ada", copy(ONE_STYLE, "ada", text -> text));
        sources.put("bob", copy(ONE_STYLE, "bob", SimilarityTest::disguise));
        sources.put("cyd", copy(OTHER_STYLE, "cyd", text -> text));

        Similarity.Result r = Similarity.of(sources, START, temp.resolve("work"), temp.resolve(Similarity.REPORT));

        assertThat(r.note()).isEmpty();
        assertThat(r.pairs()).extracting(p -> p.first() + "+" + p.second()).containsExactly("ada+bob");
        assertThat(r.pairs().get(0).similarity()).isGreaterThanOrEqualTo(Similarity.THRESHOLD);
        assertThat(r.groups()).containsExactly(List.of("ada", "bob"));
        assertThat(r.report()).isRegularFile();
        assertThat(temp.resolve("work")).doesNotExist();
    }

    @Test
    @DisplayName("submissions that hand in only the stubs and the given code are not alike: those are base code")
    void stubsAreBaseCode() throws IOException {
        Map<String, Path> sources = new LinkedHashMap<>();
        sources.put("dan", copy(START, "dan", text -> text));
        sources.put("eve", copy(START, "eve", text -> text));
        sources.put("fay", copy(ONE_STYLE, "fay", text -> text));

        Similarity.Result r = Similarity.of(sources, START, temp.resolve("work"), temp.resolve(Similarity.REPORT));

        assertThat(r.pairs()).isEmpty();
        assertThat(r.note()).isEmpty();
    }

    @Test
    @DisplayName("one submission: nothing to compare, and the report says why")
    void oneSubmission() throws IOException {
        Similarity.Result r = Similarity.of(
                Map.of("ada", copy(ONE_STYLE, "ada", t -> t)),
                START,
                temp.resolve("work"),
                temp.resolve(Similarity.REPORT));

        assertThat(r.pairs()).isEmpty();
        assertThat(r.note()).isEqualTo("fewer than two submissions with sources");
    }

    @Test
    @DisplayName("groups join pairs that share a submission; the report and summary list them")
    void groupsInReports() throws IOException {
        Similarity.Result r = new Similarity.Result(
                List.of(
                        new Similarity.Pair("a", "b", 0.95),
                        new Similarity.Pair("b", "c", 0.9),
                        new Similarity.Pair("d", "e", 0.85)),
                "",
                temp.resolve(Similarity.REPORT));
        assertThat(r.groups()).containsExactly(List.of("a", "b", "c"), List.of("d", "e"));

        List<Grade> grades = ClassReportTest.smallClass();
        String html = ClassReport.html(grades, HintSource.catalogue(), r);
        assertThat(html).contains("<h2 id=\"similar\">Similar submissions</h2>", "95 %", "Submissions alike");
        Path md = temp.resolve("summary.md");
        Summary.write(md, grades, HintSource.catalogue(), List.of(), r);
        assertThat(md).content().contains("3 pairs, in 2 groups", "- 3: a, b, c", "- a and b: 95 %");
        assertThat(ClassReport.html(grades, HintSource.catalogue(), Similarity.Result.notComputed("no JPlag")))
                .contains("Not computed: no JPlag.");
    }

    /** The same program, disguised: identifiers renamed and comments rewritten. */
    private static String disguise(String text) {
        return text.replaceAll("\\btotal\\b", "acc")
                .replaceAll("\\bout\\b", "result")
                .replaceAll("\\bsum\\b", "s")
                .replaceAll("//.*", "// changed");
    }

    private Path copy(Path from, String id, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path to = Files.createDirectories(temp.resolve("kept").resolve(id));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Files.writeString(
                        to.resolve(f.getFileName().toString()),
                        edit.apply(Files.readString(f, StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);
            }
        }
        return to;
    }
}
