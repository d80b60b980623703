package cnnkit.hidden;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.testing.Mutant;
import cnnkit.hidden.PublicRun.Failed;
import cnnkit.hidden.support.Misconceptions;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The public tests name the mistakes students make, from data: {@code cnn/known-mistakes.csv} (exercises' test
 * resources, copied into the handout) holds what each known mistake gives on the public checks, found here by
 * running the public tests on every mutant of the reference ({@link PublicRun}). The file is committed so that a
 * student's {@code mvn test} needs no oracle; this test fails when it is out of date and writes the fresh one to
 * {@code grader/target/known-mistakes.csv}.
 */
@DisplayName("The public tests name the known mistakes")
class KnownMistakesTest {
    private static final String COMMENT = "What each known mistake gives on the public checks: wrong answers only. "
            + "Written by the kit's build (KnownMistakesTest); do not edit.";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader("check", "mistake", "hint", "value")
            .setCommentMarker('#')
            .setRecordSeparator('\n')
            .build();

    private record Row(String check, String mistake, String hint, String value) {}

    /** Mistakes outside the catalogue, from {@link Mutant#PUBLIC_ONLY}, then the catalogue's, as run. */
    private static List<Row> rows;

    /** The list of mistakes a new student makes: each fails a public test that names it. */
    enum Mistake {
        KERNEL_FLIPPED("kernel-flipped", Shows.NAME),
        OUTPUT_OFF_BY_ONE("output-off-by-one", Shows.NAME),
        PADDING_BOUND_WRONG("padding-one-side", Shows.NAME),
        PARTIAL_WINDOWS_DROPPED("pooling-drops-partial-windows", Shows.NAME),
        WINDOW_PAST_THE_LAST_CELL("window-past-last-cell", Shows.CRASH_LINE),
        MAX_FROM_ZERO("max-starts-at-zero", Shows.NAME),
        COLUMN_MAJOR_FLATTENING("flatten-column-by-column", Shows.NAME),
        WEIGHTS_TRANSPOSED("weights-transposed", Shows.NAME),
        SOFTMAX_OVERFLOW("softmax-overflow", Shows.NAME),
        LOG_10("log-base-10", Shows.NAME),
        T_MINUS_Y("gradient-sign-flipped", Shows.NAME),
        ZERO_LOG_ZERO_NAN("zero-log-zero-nan", Shows.NAME),
        INTEGER_DIVISION_IN_AN_AVERAGE("error-integer-division", Shows.NAME),
        MSE_OVER_ALL_CELLS("mse-averaged-over-cells", Shows.NAME),
        ARGMAX_TIES_FROM_THE_END("argmax-last-on-ties", Shows.NAME),
        INPUT_MUTATED("relu-in-place", Shows.NAME),
        MISSING_THROWS_RULE("throws-rule-missing", Shows.RULE);

        final String id;
        final Shows shows;

        Mistake(String id, Shows shows) {
            this.id = id;
            this.shows = shows;
        }
    }

    /** How a failed public check names a mistake. */
    enum Shows {
        /** "This is a known mistake (id): hint", from the data. */
        NAME,
        /** The crash with the line of the student's file, in a check whose sentence says the rule. */
        CRASH_LINE,
        /** The {@code @throws} rule's sentence: "... must throw IllegalArgumentException". */
        RULE
    }

    @Test
    @DisplayName("the committed known-mistakes file is what the mistakes give on today's public tests")
    void fileIsUpToDate() throws IOException {
        String fresh = text(rows());
        String committed = Files.exists(PublicRun.KNOWN_MISTAKES)
                ? Files.readString(PublicRun.KNOWN_MISTAKES, StandardCharsets.UTF_8)
                : "";
        if (!fresh.equals(committed)) {
            Path out = Files.writeString(Path.of("target", "known-mistakes.csv"), fresh, StandardCharsets.UTF_8);
            throw new AssertionError(PublicRun.KNOWN_MISTAKES + " is out of date: the public tests or the mistakes "
                    + "changed. Check and commit the fresh one: cp grader/" + out + " exercises/"
                    + Path.of("src/test/resources/cnn/known-mistakes.csv"));
        }
    }

    @Test
    @DisplayName("every mistake of the catalogue is named on some public check")
    void everyCatalogueMistakeIsNamed() {
        TreeSet<String> named = new TreeSet<>();
        rows().forEach(r -> named.add(r.mistake));
        List<String> catalogue = Misconceptions.load().all().stream()
                .map(Misconceptions.Misconception::id)
                .toList();
        assertThat(named).containsAll(catalogue);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mistake.class)
    @DisplayName("a new student's mistake fails a public test that names it")
    void mistakeIsNamed(Mistake mistake) {
        List<Failed> failed = PublicRun.run(mutant(mistake.id), true);
        String all = String.join("\n---\n", failed.stream().map(Failed::message).toList());
        switch (mistake.shows) {
            case NAME ->
                assertThat(failed)
                        .as("failed public checks:\n%s", all)
                        .anyMatch(f -> f.message().contains("This is a known mistake (" + mistake.id + "): "));
            case CRASH_LINE ->
                assertThat(failed)
                        .as("failed public checks:\n%s", all)
                        .anyMatch(f -> f.name().contains("past the last cell") && crashedInStep(f.thrown(), mistake));
            case RULE ->
                assertThat(failed)
                        .as("failed public checks:\n%s", all)
                        .anyMatch(f -> f.check().endsWith("must throw IllegalArgumentException")
                                && f.message().contains("expected IllegalArgumentException, got"));
        }
    }

    /** The exception came from a line of the mistaken step's own file, which the summary prints. */
    private static boolean crashedInStep(Throwable t, Mistake mistake) {
        String step = mutant(mistake.id).step().className();
        return !(t instanceof AssertionError)
                && Arrays.stream(t.getStackTrace())
                        .anyMatch(e -> e.getClassName().equals("cnn." + step)
                                && (step + ".java").equals(e.getFileName())
                                && e.getLineNumber() > 0);
    }

    private static Mutant mutant(String id) {
        return Files.exists(Mutant.PUBLIC_ONLY.resolve(id + ".mutant"))
                ? Mutant.load(Mutant.PUBLIC_ONLY, id)
                : Mutant.load(id);
    }

    /** Every mutant's wrong results on the public checks, once per test JVM. */
    private static synchronized List<Row> rows() {
        if (rows == null) {
            Misconceptions catalogue = Misconceptions.load();
            rows = Stream.concat(Mutant.ids(Mutant.PUBLIC_ONLY).stream(), Mutant.ids().stream())
                    .map(KnownMistakesTest::mutant)
                    .flatMap(m -> PublicRun.run(m, false).stream()
                            .filter(f -> f.actual() != null)
                            .map(f -> new Row(
                                    f.check(),
                                    m.id(),
                                    m.hint().isEmpty() ? catalogue.hint(m.id()) : m.hint(),
                                    f.actual())))
                    .distinct()
                    .sorted(Comparator.comparing(Row::check).thenComparing(Row::mistake))
                    .toList();
        }
        return rows;
    }

    private static String text(List<Row> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer =
                FORMAT.builder().setHeaderComments(COMMENT).build().print(out)) {
            for (Row r : rows) {
                printer.printRecord(r.check, r.mistake, r.hint, r.value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
