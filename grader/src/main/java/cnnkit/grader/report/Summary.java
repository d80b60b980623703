package cnnkit.grader.report;

import cnnkit.grader.common.StudentText;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.GradeStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.md}, what the instructor reads before the next lecture: statuses, class averages per step, a score
 * histogram and the most frequent misconceptions ("12 of 40 ..."), and who needs attention. Its figures come from
 * {@link StepFigures}, {@link ScoreHistogram} and {@link MisconceptionTally}, as those of {@code class-report.html} do.
 */
public final class Summary {
    private static final int BAR = 30;
    /** Said under the misconceptions heading, in summary.md and class-report.html alike. */
    static final String MISCONCEPTIONS_NOTE =
            "Each submission counts once, under the misconception that explains " + "most of its failed checks.";

    private Summary() {}

    /**
     * @param file       where to write
     * @param grades     one per submission
     * @param hints      misconception hints
     * @param skipped    what was handed in but is not a submission, one line each with the reason
     * @param similarity the similar pairs (or why there are none)
     * @throws IOException if the file cannot be written
     */
    public static void write(
            Path file, List<Grade> grades, HintSource hints, List<String> skipped, Similarity.Result similarity)
            throws IOException {
        StringBuilder md = new StringBuilder(text(grades, hints));
        similarity(md, similarity);
        if (!skipped.isEmpty()) {
            md.append("\n## Not graded: not a submission\n\n");
            skipped.forEach(line ->
                    md.append("- ").append(StudentText.markdownInline(line)).append('\n'));
        }
        Files.writeString(file, md, StandardCharsets.UTF_8);
    }

    /** The pairs JPlag finds alike, as in the class report, or why they were not computed. */
    private static void similarity(StringBuilder md, Similarity.Result similarity) {
        if (similarity.note().isEmpty() && similarity.report() == null) {
            return;
        }
        md.append("\n## Similar submissions\n\n");
        if (!similarity.note().isEmpty()) {
            md.append("Not computed: ")
                    .append(StudentText.markdownInline(similarity.note()))
                    .append(".\n");
            return;
        }
        md.append("JPlag, what students start from (the stubs, the given code) left out, pairs at least ")
                .append(Math.round(100 * Similarity.THRESHOLD))
                .append(" % alike (leads, not verdicts; matching lines in `")
                .append(Similarity.REPORT)
                .append("`): ")
                .append(similarity.pairs().size())
                .append(similarity.pairs().size() == 1 ? " pair" : " pairs")
                .append(", in ")
                .append(similarity.groups().size())
                .append(similarity.groups().size() == 1 ? " group.\n\n" : " groups.\n\n");
        similarity
                .groups()
                .forEach(g -> md.append("- ")
                        .append(g.size())
                        .append(": ")
                        .append(String.join(
                                ", ",
                                g.stream().map(StudentText::markdownInline).toList()))
                        .append('\n'));
        if (!similarity.pairs().isEmpty()) {
            md.append("\nThe most similar pairs")
                    .append(ClassReport.more(similarity))
                    .append(":\n\n");
        }
        similarity.pairs().stream()
                .limit(Similarity.MAX_PAIRS)
                .forEach(p -> md.append("- ")
                        .append(StudentText.markdownInline(p.first()))
                        .append(" and ")
                        .append(StudentText.markdownInline(p.second()))
                        .append(": ")
                        .append(p.percent())
                        .append('\n'));
    }

    /** @return a few lines for the terminal: counts per status and the average score */
    public static String brief(List<Grade> grades) {
        double max = grades.stream().mapToDouble(Grade::maxScore).max().orElse(0);
        return grades.size() + " submission(s): " + statuses(grades) + "; average score "
                + Points.format(average(grades, Grade::score)) + " / " + Points.format(max);
    }

    /** @return the brief line and the three most frequent misconceptions, for the end of a run */
    public static String console(List<Grade> grades, HintSource hints) {
        StringBuilder s = new StringBuilder(brief(grades));
        misconceptionLines(grades, hints).stream()
                .limit(3)
                .forEach(line -> s.append("\n  ").append(line));
        return s.toString();
    }

    static String text(List<Grade> grades, HintSource hints) {
        int n = grades.size();
        StringBuilder md = new StringBuilder("# Class summary\n\n");
        md.append(brief(grades))
                .append("\n\n## Averages per step\n\n| Step | Average | Max | Full marks |\n")
                .append("|---|---|---|---|\n");
        for (StepFigures f : StepFigures.of(grades)) {
            md.append("| ")
                    .append(Describe.step(StepFigures.assignment(grades), f.step()))
                    .append(" | ")
                    .append(Points.format(f.average()))
                    .append(" | ")
                    .append(Points.format(f.max()))
                    .append(" | ")
                    .append(f.full())
                    .append(" of ")
                    .append(n)
                    .append(" |\n");
        }
        md.append("\n## Score histogram\n\n```\n").append(histogram(grades)).append("```\n");
        md.append("\n## Most frequent misconceptions\n\n")
                .append(MISCONCEPTIONS_NOTE)
                .append("\n\n");
        List<String> lines = misconceptionLines(grades, hints);
        if (lines.isEmpty()) {
            md.append("None recognised.\n");
        }
        lines.forEach(line -> md.append("- ").append(line).append('\n'));
        List<Grade> attention = grades.stream()
                .filter(g -> g.status() != GradeStatus.GRADED)
                .sorted(Comparator.comparing(Grade::id))
                .toList();
        if (!attention.isEmpty()) {
            md.append("\n## Not graded normally\n\n");
            attention.forEach(g -> md.append("- ")
                    .append(StudentText.markdownInline(g.id()))
                    .append(": ")
                    .append(g.status())
                    .append(" — ")
                    .append(StudentText.markdownInline(g.reason()))
                    .append('\n'));
        }
        return md.toString();
    }

    /** @return e.g. "**12 of 40**: `flipped-kernel` — hint", most frequent first (see {@link MisconceptionTally}) */
    private static List<String> misconceptionLines(List<Grade> grades, HintSource hints) {
        return MisconceptionTally.counts(grades).stream()
                .map(c -> "**" + c.submissions() + " of " + grades.size() + "**: `"
                        + StudentText.line(c.id()).replace('`', '\'') + "`"
                        + hints.hint(c.id()).map(h -> " — " + h).orElse(""))
                .toList();
    }

    private static String histogram(List<Grade> grades) {
        int[] buckets = ScoreHistogram.counts(grades);
        int most = Math.max(1, java.util.Arrays.stream(buckets).max().orElse(1));
        StringBuilder s = new StringBuilder();
        for (int b = 0; b < buckets.length; b++) {
            s.append(String.format("%8s", ScoreHistogram.label(b)))
                    .append(" | ")
                    .append("#".repeat(buckets[b] * BAR / most))
                    .append(' ')
                    .append(buckets[b])
                    .append('\n');
        }
        return s.toString();
    }

    private static String statuses(List<Grade> grades) {
        Map<GradeStatus, Integer> counts = new EnumMap<>(GradeStatus.class);
        grades.forEach(g -> counts.merge(g.status(), 1, Integer::sum));
        StringBuilder s = new StringBuilder();
        counts.forEach((status, count) ->
                s.append(s.isEmpty() ? "" : ", ").append(count).append(' ').append(status));
        return s.toString();
    }

    private static double average(List<Grade> grades, java.util.function.ToDoubleFunction<Grade> f) {
        return grades.stream().mapToDouble(f).average().orElse(0);
    }
}
