package cnnkit.grader;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.common.Trees;
import cnnkit.grader.course.GradebookTable;
import cnnkit.grader.course.Handout;
import cnnkit.grader.course.LmsExport;
import cnnkit.grader.course.Roster;
import cnnkit.grader.course.RosterGradebook;
import cnnkit.grader.report.ClassReport;
import cnnkit.grader.report.Feedback;
import cnnkit.grader.report.GradeStore;
import cnnkit.grader.report.Gradebook;
import cnnkit.grader.report.HintSource;
import cnnkit.grader.report.ResultsJson;
import cnnkit.grader.report.Similarity;
import cnnkit.grader.report.Summary;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.Rubric;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The folder {@code grade --out} writes: per submission {@code <id>/results.json}, {@code feedback.md} and
 * {@code grade.json} (the stored results), and for the class {@code gradebook.csv}, {@code summary.md},
 * {@code class-report.html} (its links lead to each {@code <id>/feedback.md}) and, with a roster,
 * {@code roster-gradebook.csv}.
 *
 * <p>The class files are always rebuilt from every submission stored in the folder, so grading part of a class
 * again into the same folder replaces those submissions' rows and keeps the others (scored again with the
 * current rubric, from their stored results). {@link #clear()} ({@code --fresh}) starts over.
 */
final class GradingOutput {
    static final String GRADEBOOK = "gradebook.csv";
    static final String SUMMARY = "summary.md";

    private final Path out;
    private final HintSource hints;
    private final ResultsJson.Presentation presentation;
    private final Assignment assignment;

    GradingOutput(Path out, HintSource hints, ResultsJson.Presentation presentation) {
        this(out, hints, presentation, Assignment.FORWARD);
    }

    /** @param assignment what the class is graded on: the gradebook's columns */
    GradingOutput(Path out, HintSource hints, ResultsJson.Presentation presentation, Assignment assignment) {
        this.out = out;
        this.hints = hints;
        this.presentation = presentation;
        this.assignment = assignment;
    }

    /** Writes one submission's reports and its stored results (thread-safe: one folder per submission). */
    void submission(Grade g) throws IOException {
        Path folder = Files.createDirectories(out.resolve(g.id()));
        ResultsJson.write(folder.resolve("results.json"), g, hints, presentation);
        Feedback.write(folder.resolve(Feedback.FILE), g, hints);
        GradeStore.write(folder, g);
    }

    /** @return the grades stored in the folder by earlier runs, by id */
    Map<String, Grade> stored() throws IOException {
        return GradeStore.readAll(out);
    }

    /**
     * @param now    the submissions graded in this run
     * @param rubric the rubric of this run
     * @return {@code now} and every submission stored earlier that was not graded now, scored again with
     *         {@code rubric} (their reports rewritten), sorted by id
     */
    List<Grade> merge(List<Grade> now, Rubric rubric) throws IOException {
        Set<String> graded = now.stream().map(Grade::id).collect(Collectors.toSet());
        List<Grade> all = new ArrayList<>(now);
        for (Grade earlier : stored().values()) {
            if (!graded.contains(earlier.id())) {
                Grade kept = GradeStore.rescore(earlier, rubric);
                submission(kept);
                all.add(kept);
            }
        }
        all.sort(Comparator.comparing(Grade::id));
        return all;
    }

    /**
     * Writes the class files from all grades.
     *
     * @param all     every submission of the class
     * @param roster  who is who, or null: then a roster gradebook of an earlier run is removed, as it would be stale
     * @param skipped what was in the class folder but is no submission, with why (listed in the summary)
     */
    void classReports(List<Grade> all, Roster roster, List<String> skipped, PrintStream console) throws IOException {
        Files.createDirectories(out);
        Gradebook.write(out.resolve(GRADEBOOK), assignment, all);
        Similarity.Result similar = similarity(all);
        Summary.write(out.resolve(SUMMARY), all, hints, skipped, similar);
        ClassReport.write(out.resolve(ClassReport.FILE), all, hints, similar);
        Path rosterBook = out.resolve(RosterGradebook.FILE);
        if (roster == null) {
            if (Files.deleteIfExists(rosterBook)) {
                console.println("Removed " + rosterBook + " of an earlier run (it would be stale); pass --roster "
                        + "to write it again.");
            }
            return;
        }
        LmsExport.Outcome outcome = RosterGradebook.write(GradebookTable.of(assignment, all), roster, rosterBook);
        console.println("Wrote " + rosterBook + " (" + outcome.rows() + " rows).");
        if (!outcome.notOnRoster().isEmpty()) {
            console.println("Not on the roster: " + String.join(", ", outcome.notOnRoster()));
        }
        if (!outcome.withoutSubmission().isEmpty()) {
            console.println("On the roster without a submission: " + String.join(", ", outcome.withoutSubmission()));
        }
    }

    /** JPlag over the graded sources kept in the submissions' folders (this run's and earlier runs'). */
    private Similarity.Result similarity(List<Grade> all) throws IOException {
        Map<String, Path> sources = new LinkedHashMap<>();
        for (Grade g : all) {
            Path kept = out.resolve(g.id()).resolve(Grader.SOURCES);
            if (Files.isDirectory(kept)) {
                sources.put(g.id(), kept);
            }
        }
        Path work = Files.createTempDirectory(out, ".similarity-");
        long wall = System.nanoTime();
        long cpu = processCpu();
        Similarity.Result result = Similarity.of(sources, Handout.studentStart(), work, out.resolve(Similarity.REPORT));
        if (Grader.TIMING) { // JPlag compares every pair: its share grows with the square of the class
            System.err.printf(
                    Locale.ROOT,
                    "similarity of %d: %.2f s, %.2f CPU s%n",
                    sources.size(),
                    (System.nanoTime() - wall) / 1e9,
                    (processCpu() - cpu) / 1e9);
        }
        return result;
    }

    /** @return this JVM's CPU time so far, in nanoseconds (the workers are other processes) */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * {@code --fresh}: removes what earlier runs wrote here (the class files and every submission folder with a
     * results.json or grade.json); anything else in the folder is left alone.
     *
     * @return how many submission folders were removed
     */
    int clear() throws IOException {
        for (String file : List.of(GRADEBOOK, SUMMARY, ClassReport.FILE, RosterGradebook.FILE, Similarity.REPORT)) {
            Files.deleteIfExists(out.resolve(file));
        }
        if (!Files.isDirectory(out)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> children = Files.list(out)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                if (Files.exists(child.resolve(GradeStore.FILE)) || Files.exists(child.resolve("results.json"))) {
                    Trees.delete(child);
                    removed++;
                }
            }
        }
        return removed;
    }
}
