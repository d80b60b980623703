package cnnkit.grader.report;

import cnnkit.grader.common.StudentText;
import cnnkit.grader.report.ItemAnalysis.Item;
import cnnkit.grader.score.Grade;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code class-report.html}: the class at a glance, one self-contained file (charts embedded as PNG, no script, no
 * link outside except each student's own {@code feedback.md}), written beside {@code summary.md}. It shows the score
 * histogram, each step's average and distribution, the item analysis of every check ({@link ItemAnalysis}), the
 * misconceptions ({@link MisconceptionTally}, the same figures as the summary), the students lowest score first, and
 * submissions whose sources are identical ({@link IdenticalSources}).
 *
 * <p>Every text that comes from a student (ids; a check's id and name come from the grader, but a stored grade is a
 * file) goes through {@link StudentText#html}. The output depends on the grades only: no time stamp, every list in
 * a fixed order, so grading the same class twice writes the same file. Tables are cut at {@link HtmlTable#MAX_ROWS}.
 */
public final class ClassReport {
    /** The file's name beside {@code summary.md}. */
    public static final String FILE = "class-report.html";

    private static final String STYLE = "body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.2em .5em;"
            + "text-align:left}tr.flag{background:#fdecea}tr.low{background:#fff4e5}.cut{font-style:italic}";

    private ClassReport() {}

    /**
     * @param file   where to write
     * @param grades one per submission
     * @param hints  misconception hints
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, List<Grade> grades, HintSource hints) throws IOException {
        write(file, grades, hints, Similarity.Result.notComputed(""));
    }

    /**
     * @param similarity the similar pairs (or why there are none), shown after the identical submissions
     * @see #write(Path, List, HintSource)
     */
    public static void write(Path file, List<Grade> grades, HintSource hints, Similarity.Result similarity)
            throws IOException {
        Files.writeString(file, html(grades, hints, similarity), StandardCharsets.UTF_8);
    }

    /** @return the whole page */
    static String html(List<Grade> grades, HintSource hints) {
        return html(grades, hints, Similarity.Result.notComputed(""));
    }

    /** @return the whole page */
    static String html(List<Grade> grades, HintSource hints, Similarity.Result similarity) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Class report</title>\n<style>" + STYLE
                + "</style>\n</head>\n<body>\n<h1>Class report</h1>\n");
        h.append("<p>").append(StudentText.html(Summary.brief(grades))).append("</p>\n");
        h.append("<h2 id=\"histogram\">Score histogram</h2>\n")
                .append(img("Score histogram", Charts.histogram(ScoreHistogram.counts(grades))));
        steps(h, grades);
        checks(h, grades);
        misconceptions(h, grades, hints);
        students(h, grades);
        identical(h, grades);
        similarity(h, similarity);
        return h.append("</body>\n</html>\n").toString();
    }

    private static void steps(StringBuilder h, List<Grade> grades) {
        List<StepFigures> figures = StepFigures.of(grades);
        h.append("<h2 id=\"steps\">Steps</h2>\n")
                .append(img("Points per step", Charts.steps(StepFigures.assignment(grades), figures)));
        HtmlTable t = new HtmlTable("Step", "Average", "Max", "0 points", "Some points", "Full marks");
        for (StepFigures f : figures) {
            t.row(
                    "",
                    StudentText.html(Describe.step(StepFigures.assignment(grades), f.step())),
                    Points.format(f.average()),
                    Points.format(f.max()),
                    String.valueOf(f.zero()),
                    String.valueOf(f.partial()),
                    f.full() + " of " + f.submissions());
        }
        h.append(t.html("steps"));
    }

    private static void checks(StringBuilder h, List<Grade> grades) {
        h.append("<h2 id=\"checks\">Checks (item analysis)</h2>\n<p>Difficulty: the share of graded submissions "
                + "passing the check. Discrimination: the correlation of passing it with the total score; below "
                + ItemAnalysis.LOW_DISCRIMINATION + " the check tells little about who has understood. Flagged and "
                + "hardest first.</p>\n");
        HtmlTable t = new HtmlTable("Check", "Passed", "Difficulty", "Discrimination", "Flag");
        for (Item i : ItemAnalysis.of(grades)) {
            String r = i.discrimination().isPresent()
                    ? String.format(Locale.ROOT, "%.2f", i.discrimination().getAsDouble())
                    : "—";
            t.row(
                    i.flag() == ItemAnalysis.Flag.NONE ? "" : "flag",
                    code(i.checkId()),
                    i.passed() + " of " + i.submissions(),
                    percent(i.difficulty()),
                    r,
                    i.flag().text());
        }
        h.append(t.html("checks"));
    }

    private static void misconceptions(StringBuilder h, List<Grade> grades, HintSource hints) {
        h.append("<h2 id=\"misconceptions\">Most frequent misconceptions</h2>\n<p>")
                .append(StudentText.html(Summary.MISCONCEPTIONS_NOTE))
                .append("</p>\n");
        HtmlTable t = new HtmlTable("Misconception", "Submissions", "Hint");
        MisconceptionTally.counts(grades)
                .forEach(c -> t.row(
                        "",
                        code(c.id()),
                        c.submissions() + " of " + grades.size(),
                        StudentText.html(hints.hint(c.id()).orElse(""))));
        h.append(t.total() == 0 ? "<p>None recognised.</p>\n" : t.html("misconceptions"));
    }

    private static void students(StringBuilder h, List<Grade> grades) {
        h.append("<h2 id=\"students\">Students, lowest score first</h2>\n");
        HtmlTable t = new HtmlTable("Submission", "Status", "Score", "Max", "Share", "Main misconception");
        grades.stream()
                .sorted(Comparator.comparingDouble(ClassReport::share).thenComparing(Grade::id))
                .forEach(g -> t.row(
                        share(g) < 0.5 ? "low" : "",
                        link(g.id()),
                        StudentText.html(g.status().toString()),
                        Points.format(g.score()),
                        Points.format(g.maxScore()),
                        percent(share(g)),
                        MisconceptionTally.main(g).map(ClassReport::code).orElse("")));
        h.append(t.html("submissions (all are in gradebook.csv)"));
    }

    private static void identical(StringBuilder h, List<Grade> grades) {
        h.append("<h2 id=\"identical\">Identical submissions</h2>\n<p>Groups whose graded source files are the same "
                + "once whitespace is ignored.</p>\n");
        HtmlTable t = new HtmlTable("Submissions", "How many");
        for (List<String> group : IdenticalSources.groups(grades)) {
            List<String> shown = group.subList(0, Math.min(group.size(), HtmlTable.MAX_ROWS));
            t.row(
                    "flag",
                    String.join(", ", shown.stream().map(StudentText::html).toList())
                            + (shown.size() < group.size() ? " …" : ""),
                    String.valueOf(group.size()));
        }
        h.append(t.total() == 0 ? "<p>None.</p>\n" : t.html("groups"));
    }

    /** JPlag's pairs at or above the threshold ({@link Similarity}), each id linking to its feedback. */
    private static void similarity(StringBuilder h, Similarity.Result similarity) {
        h.append("<h2 id=\"similar\">Similar submissions</h2>\n");
        if (!similarity.note().isEmpty()) {
            h.append("<p>Not computed: ")
                    .append(StudentText.html(similarity.note()))
                    .append(".</p>\n");
            return;
        }
        if (similarity.report() == null) {
            return;
        }
        h.append("<p>Pairs whose code JPlag finds at least ")
                .append(Math.round(100 * Similarity.THRESHOLD))
                .append(
                        " % alike, what students start from (the stubs, the given code) left out, in groups (pairs that share a submission): leads to read, not verdicts (students solving the "
                                + "same exercise from the same stubs write alike code). JPlag's report, with the matching "
                                + "lines side by side: <code>")
                .append(Similarity.REPORT)
                .append("</code> (open it in JPlag's report viewer).</p>\n");
        HtmlTable groups = new HtmlTable("Submissions alike", "How many");
        for (List<String> group : similarity.groups()) {
            groups.row(
                    "flag",
                    String.join(", ", group.stream().map(ClassReport::link).toList()),
                    String.valueOf(group.size()));
        }
        h.append(groups.total() == 0 ? "<p>None.</p>\n" : groups.html("groups"));
        HtmlTable pairs = new HtmlTable("Submission", "Submission", "Similarity");
        similarity.pairs().stream()
                .limit(Similarity.MAX_PAIRS)
                .forEach(p -> pairs.row("", link(p.first()), link(p.second()), p.percent()));
        if (pairs.total() > 0) {
            h.append("<p>The most similar pairs").append(more(similarity)).append(":</p>\n");
            h.append(pairs.html("pairs"));
        }
    }

    /** @return ", " and how many pairs are not listed, if any */
    static String more(Similarity.Result similarity) {
        int rest = similarity.pairs().size() - Similarity.MAX_PAIRS;
        return rest > 0 ? " (" + rest + " more in " + Similarity.REPORT + ")" : "";
    }

    private static String link(String id) {
        return "<a href=\"" + StudentText.html(feedbackLink(id)) + "\">" + StudentText.html(id) + "</a>";
    }

    /** @return the relative link to a submission's feedback, its id percent-encoded as one path segment */
    static String feedbackLink(String id) {
        StringBuilder s = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 128 && (Character.isLetterOrDigit(c) || "._-@+".indexOf(c) >= 0)) {
                s.append(c);
            } else {
                s.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return s + "/" + Feedback.FILE;
    }

    private static String img(String alt, byte[] png) {
        return "<p><img alt=\"" + alt + "\" width=\"" + Charts.WIDTH + "\" height=\"" + Charts.HEIGHT + "\" src=\""
                + Charts.dataUri(png) + "\"></p>\n";
    }

    private static String code(String text) {
        return "<code>" + StudentText.html(text) + "</code>";
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static double share(Grade g) {
        return g.maxScore() == 0 ? 0 : g.score() / g.maxScore();
    }
}
