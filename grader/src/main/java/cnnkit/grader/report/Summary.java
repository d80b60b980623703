package cnnkit.grader.report;

import cnnkit.grader.common.StudentText;
import cnnkit.lecture.Step;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.GradeStatus;
import cnnkit.grader.score.ScoredCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code summary.md}, what the instructor reads before the next lecture: statuses, class averages per step, a score
 * histogram and the most frequent misconceptions ("12 of 40 ..."), and who needs attention.
 */
public final class Summary {
    private static final int BUCKETS = 10;
    private static final int BAR = 30;

    private Summary() {
    }

    /**
     * @param file   where to write
     * @param grades one per submission
     * @param hints  misconception hints
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, List<Grade> grades, HintSource hints) throws IOException {
        write(file, grades, hints, List.of());
    }

    /**
     * @param file    where to write
     * @param grades  one per submission
     * @param hints   misconception hints
     * @param skipped what was handed in but is not a submission, one line each with the reason
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, List<Grade> grades, HintSource hints, List<String> skipped)
        throws IOException {
        StringBuilder md = new StringBuilder(text(grades, hints));
        if (!skipped.isEmpty()) {
            md.append("\n## Not graded: not a submission\n\n");
            skipped.forEach(line -> md.append("- ").append(StudentText.markdownInline(line)).append('\n'));
        }
        Files.writeString(file, md, StandardCharsets.UTF_8);
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
        misconceptionLines(grades, hints).stream().limit(3).forEach(line -> s.append("\n  ").append(line));
        return s.toString();
    }

    static String text(List<Grade> grades, HintSource hints) {
        int n = grades.size();
        StringBuilder md = new StringBuilder("# Class summary\n\n");
        md.append(brief(grades)).append("\n\n## Averages per step\n\n| Step | Average | Max | Full marks |\n")
            .append("|---|---|---|---|\n");
        for (Step step : Step.values()) {
            double max = grades.stream().mapToDouble(g -> g.step(step).max()).max().orElse(0);
            long full = grades.stream().filter(g -> max > 0 && g.step(step).earned() >= max).count();
            md.append("| ").append(Describe.step(step)).append(" | ")
                .append(Points.format(average(grades, g -> g.step(step).earned()))).append(" | ")
                .append(Points.format(max)).append(" | ").append(full).append(" of ").append(n).append(" |\n");
        }
        md.append("\n## Score histogram\n\n```\n").append(histogram(grades)).append("```\n");
        md.append("\n## Most frequent misconceptions\n\n");
        List<String> lines = misconceptionLines(grades, hints);
        if (lines.isEmpty()) {
            md.append("None recognised.\n");
        }
        lines.forEach(line -> md.append("- ").append(line).append('\n'));
        List<Grade> attention = grades.stream().filter(g -> g.status() != GradeStatus.GRADED)
            .sorted(Comparator.comparing(Grade::id)).toList();
        if (!attention.isEmpty()) {
            md.append("\n## Not graded normally\n\n");
            attention.forEach(g -> md.append("- ").append(StudentText.markdownInline(g.id())).append(": ")
                .append(g.status()).append(" — ").append(StudentText.markdownInline(g.reason())).append('\n'));
        }
        return md.toString();
    }

    /** @return e.g. "**12 of 40**: `flipped-kernel` — hint", most frequent first */
    private static List<String> misconceptionLines(List<Grade> grades, HintSource hints) {
        return misconceptions(grades).entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .map(e -> "**" + e.getValue() + " of " + grades.size() + "**: `" + StudentText.line(e.getKey())
                .replace('`', '\'') + "`"
                + hints.hint(e.getKey()).map(h -> " — " + h).orElse(""))
            .toList();
    }

    /** Submissions per misconception id: each submission counts once per misconception. */
    private static Map<String, Integer> misconceptions(List<Grade> grades) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Grade g : grades) {
            Set<String> seen = new HashSet<>();
            for (ScoredCheck c : g.checks()) {
                String m = c.result().misconception();
                if (!m.isEmpty() && seen.add(m)) {
                    counts.merge(m, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static String histogram(List<Grade> grades) {
        int[] buckets = new int[BUCKETS];
        for (Grade g : grades) {
            double share = g.maxScore() == 0 ? 0 : g.score() / g.maxScore();
            buckets[Math.min(BUCKETS - 1, (int) Math.floor(share * BUCKETS))]++;
        }
        int most = Math.max(1, java.util.Arrays.stream(buckets).max().orElse(1));
        StringBuilder s = new StringBuilder();
        for (int b = 0; b < BUCKETS; b++) {
            String range = String.format("%3d–%3d%%", b * 100 / BUCKETS, b == BUCKETS - 1 ? 100 : (b + 1) * 100
                / BUCKETS - 1);
            s.append(range).append(" | ").append("#".repeat(buckets[b] * BAR / most)).append(' ').append(buckets[b])
                .append('\n');
        }
        return s.toString();
    }

    private static String statuses(List<Grade> grades) {
        Map<GradeStatus, Integer> counts = new EnumMap<>(GradeStatus.class);
        grades.forEach(g -> counts.merge(g.status(), 1, Integer::sum));
        StringBuilder s = new StringBuilder();
        counts.forEach((status, count) -> s.append(s.isEmpty() ? "" : ", ").append(count).append(' ')
            .append(status));
        return s.toString();
    }

    private static double average(List<Grade> grades, java.util.function.ToDoubleFunction<Grade> f) {
        return grades.stream().mapToDouble(f).average().orElse(0);
    }
}
