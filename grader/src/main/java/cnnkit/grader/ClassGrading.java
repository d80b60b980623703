package cnnkit.grader;

import cnnkit.grader.collect.Submission;
import cnnkit.grader.common.ChildClassPath;
import cnnkit.grader.common.Trees;
import cnnkit.grader.compile.JavacProcess;
import cnnkit.grader.course.Roster;
import cnnkit.grader.report.ClassReport;
import cnnkit.grader.report.HintSource;
import cnnkit.grader.report.Progress;
import cnnkit.grader.report.ResultsJson;
import cnnkit.grader.report.Summary;
import cnnkit.grader.run.ForkedRunner;
import cnnkit.grader.run.KeptArchives;
import cnnkit.grader.run.WorkerArchive;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.Rubric;
import cnnkit.lecture.Limits;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Grades a class into an output folder: the one pipeline behind {@code grade} (and so behind Gradescope's
 * {@code run_autograder}, which runs it). It sets up what a run shares (the compiler and worker JVMs, the workers'
 * class-data archive, a private work folder under {@code out}), sends each submission through {@link Grader}
 * (collect → compile → check → run → score) on {@code jobs} threads, writes each submission's reports as it is
 * graded, then the class files ({@link GradingOutput}). The command line only parses options into {@link Settings}.
 *
 * <pre>
 *   int status = ClassGrading.grade(settings, work -&gt; Submission.ofClass(classDir), List.of(), System.out);
 * </pre>
 */
public final class ClassGrading {
    /** The folder under {@code out} for the run's temporary copies of students' sources, removed at the end. */
    public static final String WORK_FOLDER = ".work";
    /**
     * Worker starts from which the workers share a class-data archive: making it costs about as much CPU as it saves
     * over four starts (measured, see grader/bench/README.md).
     */
    private static final int ARCHIVE_FROM_STARTS = 4;
    /**
     * Submissions one worker JVM grades before a fresh one replaces it (it is checked clean after each): a bound on
     * what a check cannot see (code cache, native memory), high enough that start-up is a few percent of the cost.
     */
    private static final int JOBS_PER_WORKER = 100;

    /**
     * Grading threads one compiler JVM serves: a submission's compile (about 35 ms warm) takes about a tenth of its
     * checks' time, so one compiler keeps up with several threads and each JVM fewer costs its start, its warm-up
     * and 150–200 MiB (measured, see grader/bench/README.md).
     */
    private static final int THREADS_PER_COMPILER = 4;

    /**
     * What one run needs besides the submissions.
     *
     * @param out          the output folder
     * @param rubric       points per check
     * @param limits       the time limits
     * @param jobs         submissions graded in parallel (at least 1)
     * @param fresh        whether to remove what earlier runs wrote to {@code out} first
     * @param presentation what the results.json files show
     * @param roster       who is who (for roster-gradebook.csv), or null
     * @param skipUnchanged whether a submission with the sources of its stored grade is scored again, not run
     * @param archives     a folder of class-data archives kept across runs ({@link KeptArchives}), or null
     * @param classFiles   whether to write the class files (gradebook, summary, class report) after the submissions'
     *                     folders (false: {@code --results-only})
     */
    public record Settings(
            Path out,
            Rubric rubric,
            Limits limits,
            int jobs,
            boolean fresh,
            ResultsJson.Presentation presentation,
            Roster roster,
            boolean skipUnchanged,
            Path archives,
            boolean classFiles) {
        /** @throws IllegalArgumentException if {@code jobs} is below 1 */
        public Settings {
            if (jobs < 1) {
                throw new IllegalArgumentException("--jobs must be at least 1, not " + jobs);
            }
            archives = archives == null ? null : archives.toAbsolutePath(); // child JVMs run in folders of their own
        }
    }

    /** Finds the submissions to grade, given the run's private work folder (the sample class is written there). */
    @FunctionalInterface
    public interface Submissions {
        /**
         * @param work the run's work folder (removed at the end)
         * @return the submissions
         * @throws IOException if they cannot be read
         */
        List<Submission> in(Path work) throws IOException;
    }

    private ClassGrading() {}

    /**
     * @param settings    how to grade
     * @param submissions where the submissions are
     * @param skipped     what was in the class folder but is no submission, with why (listed in the summary)
     * @param console     where progress and the class summary go
     * @return 0 when every submission got a row, 1 when the grader cannot run (its jar holds package {@code cnn},
     *     the submissions cannot be read)
     * @throws IllegalArgumentException a user's mistake: no submission, a rubric naming unknown checks
     * @throws IOException              if the output folder cannot be written
     */
    public static int grade(Settings settings, Submissions submissions, List<String> skipped, PrintStream console)
            throws IOException, InterruptedException {
        Path own = ownCodeSource();
        if (ChildClassPath.holdsStudentPackage(own)) {
            System.err.println("This grader build contains classes of package cnn (" + own
                    + "); rebuild it: student code must never meet exercise or solution classes.");
            return 1;
        }
        // Students' sources are copied only under --out: a grader killed from outside (even SIGKILL) leaves nothing
        // in /tmp, and the next run into the same --out removes what it left.
        Path work = settings.out().resolve(WORK_FOLDER);
        Trees.delete(work);
        Files.createDirectories(work);
        // Remove them also when the grader is stopped (SIGTERM, Ctrl-C), e.g. by a time limit such as Gradescope's
        // run_autograder `timeout`.
        Thread cleanUp = new Thread(() -> removeWhileStopping(work), "cnnkit-grade-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            List<Submission> found;
            try {
                found = submissions.in(work);
            } catch (IOException e) {
                System.err.println("Cannot read the submissions: " + e.getMessage());
                return 1;
            }
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no submissions found (a submission is a folder or a .zip)");
            }
            skipped.forEach(line -> console.println("Not graded: " + line));
            GradingOutput output = new GradingOutput(
                    settings.out(),
                    HintSource.catalogue(),
                    settings.presentation(),
                    settings.rubric().assignment());
            List<Grade> grades = gradeAll(settings, found, output, work.resolve("work"), console);
            if (!settings.classFiles()) { // run_autograder's case: one submission, its results.json is all it keeps
                console.println(Summary.console(grades, HintSource.catalogue()));
                console.println("Wrote a folder per submission (--results-only: no class files).");
                return 0;
            }
            List<Grade> all = output.merge(grades, settings.rubric());
            if (all.size() > grades.size()) {
                console.println("Kept " + (all.size() - grades.size()) + " submission(s) graded earlier in "
                        + settings.out() + " (scored with this rubric); --fresh starts the folder over.");
            }
            output.classReports(all, settings.roster(), skipped, console);
            console.println(Summary.console(all, HintSource.catalogue()));
            console.println("Wrote " + settings.out().resolve(GradingOutput.GRADEBOOK) + ", "
                    + settings.out().resolve(GradingOutput.SUMMARY) + ", "
                    + settings.out().resolve(ClassReport.FILE)
                    + " and a folder per submission.");
            return 0;
        } finally {
            deleteQuietly(work);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs anyway
            }
        }
    }

    /**
     * {@code --rescore}: every submission stored in {@code out} scored again with the rubric; no student code runs.
     *
     * @throws IllegalArgumentException if {@code out} holds no graded submission, or the rubric names unknown checks
     */
    public static void rescore(Settings settings, PrintStream console) throws IOException {
        GradingOutput output = new GradingOutput(
                settings.out(),
                HintSource.catalogue(),
                settings.presentation(),
                settings.rubric().assignment());
        if (output.stored().isEmpty()) {
            throw new IllegalArgumentException("--rescore: no graded submission (<id>/"
                    + cnnkit.grader.report.GradeStore.FILE + ") in " + settings.out());
        }
        validate(settings.rubric(), Grader.discoverChecks(settings.rubric().assignment()));
        List<Grade> all = output.merge(List.of(), settings.rubric());
        output.classReports(all, settings.roster(), List.of(), console);
        console.println(
                "Rescored " + all.size() + " submission(s) in " + settings.out() + " with " + settings.rubric() + ".");
        console.println(Summary.console(all, HintSource.catalogue()));
    }

    private static void validate(Rubric rubric, java.util.Map<String, String> known) {
        if (!known.isEmpty()) {
            try {
                rubric.validate(known.keySet());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--rubric: " + e.getMessage(), e);
            }
        }
    }

    private static List<Grade> gradeAll(
            Settings settings, List<Submission> submissions, GradingOutput output, Path work, PrintStream console)
            throws IOException, InterruptedException {
        // One worker JVM per grading thread, reused for many submissions (a fresh one after any incident).
        int jobs = Math.min(settings.jobs(), submissions.size());
        int perThread = (submissions.size() + jobs - 1) / jobs;
        int starts = jobs * ((perThread + JOBS_PER_WORKER - 1) / JOBS_PER_WORKER); // without incidents
        Collection<Step> tested = Grader.testedSteps(settings.rubric().assignment());
        Path archive = settings.archives() != null
                ? KeptArchives.worker(Files.createDirectories(settings.archives()), tested)
                        .orElse(null)
                : starts < ARCHIVE_FROM_STARTS
                        ? null
                        : WorkerArchive.create(Files.createDirectories(work.resolve("cds")), tested)
                                .orElse(null);
        try (ForkedRunner runner = new ForkedRunner(
                        settings.limits(), archive, Files.createDirectories(work.resolve("workers")), JOBS_PER_WORKER);
                // Compiler JVMs, time- and memory-limited (javac can be made to stall), one per 4 grading threads.
                JavacProcess javac = new JavacProcess(
                        settings.limits().compile(),
                        Files.createDirectories(work.resolve("javac")),
                        settings.archives() == null ? null : settings.archives().resolve(KeptArchives.JAVAC),
                        (jobs + THREADS_PER_COMPILER - 1) / THREADS_PER_COMPILER)) {
            Grader grader = new Grader(settings.rubric(), javac, runner, work, settings.out());
            Map<String, Grade> earlier = settings.skipUnchanged() && !settings.fresh() ? output.stored() : Map.of();
            validate(settings.rubric(), grader.knownChecks());
            if (settings.fresh()) {
                console.println("--fresh: removed " + new GradingOutput(settings.out(), null, null).clear()
                        + " submission folder(s) of earlier runs from " + settings.out());
            }
            Files.createDirectories(settings.out());
            Progress progress = new Progress(console, System.console() != null, submissions.size());
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(jobs);
            try {
                List<Future<Grade>> futures = new ArrayList<>();
                for (Submission s : submissions) {
                    futures.add(pool.submit(() -> {
                        Grade g = grader.grade(s, earlier.get(s.id()));
                        writeReports(output, g);
                        progress.graded(g);
                        return g;
                    }));
                }
                List<Grade> grades = new ArrayList<>();
                for (int i = 0; i < futures.size(); i++) {
                    grades.add(rowOf(submissions.get(i), futures.get(i), grader));
                }
                grades.sort(Comparator.comparing(Grade::id));
                long kept = grades.stream()
                        .filter(g -> grader.kept(g, earlier.get(g.id())))
                        .count();
                if (kept > 0) {
                    console.println("--skip-unchanged: " + kept + " submission(s) had the sources of their stored "
                            + "grade; their stored check results were scored again, their code not run.");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                console.printf(
                        "Graded %d submission(s) in %.1f s (%.2f s per submission, %d in parallel)%n",
                        grades.size(), seconds, seconds / grades.size(), jobs);
                return grades;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Writes a submission's reports; one that cannot be written costs that report, never the row. */
    private static void writeReports(GradingOutput output, Grade g) {
        try {
            output.submission(g);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            System.err.println("The reports of " + g.id() + " could not be written ("
                    + e.getClass().getSimpleName() + "); its gradebook row is kept.");
        }
    }

    /** @return the submission's grade, or an error row if grading it failed in a way the grader did not catch */
    private static Grade rowOf(Submission s, Future<Grade> f, Grader grader) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return grader.failed(
                    s,
                    "the grader failed on this submission ("
                            + e.getCause().getClass().getSimpleName() + ")");
        }
    }

    /**
     * Run by the shutdown hook: stops the worker JVMs, then deletes the work folder. The grading threads still run
     * while the JVM shuts down and may be writing into it, so it is deleted until it stays gone (at most ~2 s).
     */
    private static void removeWhileStopping(Path work) {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                Trees.delete(work);
                Thread.sleep(200);
                if (!Files.exists(work)) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // a grading thread wrote into it meanwhile: try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Trees.delete(dir);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not remove the work folder " + dir + ": " + e.getMessage());
        }
    }

    private static Path ownCodeSource() {
        try {
            return Path.of(ClassGrading.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
