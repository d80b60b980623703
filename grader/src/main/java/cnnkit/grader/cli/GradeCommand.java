package cnnkit.grader.cli;

import cnnkit.grader.Grader;
import cnnkit.grader.common.Trees;
import cnnkit.grader.collect.Submission;
import cnnkit.grader.compile.JavacProcess;
import cnnkit.grader.course.Roster;
import cnnkit.grader.course.RosterGradebook;
import cnnkit.grader.report.HintSource;
import cnnkit.grader.report.Progress;
import cnnkit.grader.report.ResultsJson;
import cnnkit.grader.report.Summary;
import cnnkit.grader.run.ForkedRunner;
import cnnkit.grader.run.WorkerArchive;
import cnnkit.grader.common.ChildClassPath;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.Rubric;
import cnnkit.lecture.Limits;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code grade}: grades submissions with the hidden tests and writes the gradebook, each student's
 * {@code results.json} and {@code feedback.md}, and the class summary.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
    description = {"Grade submissions (folders or .zip files) with the hidden tests.",
        "Writes gradebook.csv, summary.md, class-report.html and per submission <id>/results.json (Gradescope) and "
            + "<id>/feedback.md.",
        "Exit status 0 when every submission got a row, whatever the scores."})
public final class GradeCommand implements Callable<Integer> {
    private static final int ARCHIVE_FROM = 4;
    /** The folder under --out for the run's temporary copies, removed at the end. */
    static final String WORK_FOLDER = ".work";
    /** Submissions one worker JVM grades before a fresh one replaces it. */
    private static final int JOBS_PER_WORKER = 10;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "a submission: a folder or a .zip (its id is its "
        + "name without .zip)")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--class", paramLabel = "DIR", description = "a folder whose every child is one submission")
    Path classDir;

    @Option(names = "--sample", description = "grade the sample class shipped with the kit")
    boolean sample;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "grading-out",
        description = "where to write the reports (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "submissions graded in parallel (default: the number "
        + "of cores)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--rubric", paramLabel = "FILE", description = "a rubric CSV (check_id,step,points) instead of "
        + "the default")
    Path rubricFile;

    // Defaults from the kit's one record of limits (Limits.DEFAULT), which --help lists in full below the options.
    @Option(names = "--timeout", paramLabel = "SECONDS",
        description = "time all checks of one submission may take (default: ${DEFAULT-VALUE})")
    int timeout = (int) Limits.DEFAULT.submission().toSeconds();

    @Option(names = "--check-timeout", paramLabel = "SECONDS",
        description = "time one check may run silently before its test JVM is stopped (default: ${DEFAULT-VALUE})")
    int checkTimeout = (int) Limits.DEFAULT.silence().toSeconds();

    @Option(names = "--compile-timeout", paramLabel = "SECONDS",
        description = "time the compiler may take on one submission before it is stopped and the submission's steps "
            + "score 0 (default: ${DEFAULT-VALUE})")
    int compileTimeout = (int) Limits.DEFAULT.compile().toSeconds();

    @CommandLine.Mixin
    PresentationOptions shown = new PresentationOptions();

    @Option(names = "--roster", paramLabel = "FILE", description = "id,name,email CSV: also write "
        + RosterGradebook.FILE + " with each submission's student (gradebook.csv is unchanged)")
    Path rosterFile;

    @Option(names = "--fresh", description = "start --out over: remove the submissions and class files earlier "
        + "runs wrote there (default: keep them; the class files are rebuilt from all submissions)")
    boolean fresh;

    @Option(names = "--rescore", description = "grade nothing: score every submission stored in --out again from "
        + "its stored check results (e.g. with a new --rubric), without running student code")
    boolean rescore;

    @Override
    public Integer call() throws Exception {
        int sources = (paths.isEmpty() ? 0 : 1) + (classDir == null ? 0 : 1) + (sample ? 1 : 0);
        if (rescore) {
            return rescore(sources);
        }
        if (sources != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "give exactly one of: PATH..., --class DIR, --sample (or --rescore)");
        }
        if (jobs < 1 || timeout < 1 || checkTimeout < 1 || compileTimeout < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs and the timeouts must be at least 1");
        }
        limits(); // refuses a --timeout shorter than one check before anything is graded
        Inputs.folder(spec, "--out", out);
        Rubric rubric = rubric();
        ResultsJson.Presentation presentation = presentation();
        Roster roster = roster();
        PrintStream console = System.out;
        if (ChildClassPath.holdsStudentPackage(ownCodeSource())) {
            System.err.println("This grader build contains classes of package cnn (" + ownCodeSource()
                + "); rebuild it: student code must never meet exercise or solution classes.");
            return 1;
        }
        // Students' sources are copied only under --out: a grader killed from outside (even SIGKILL) leaves nothing
        // in /tmp, and the next run into the same --out removes what it left.
        Path work = out.resolve(WORK_FOLDER);
        Trees.delete(work);
        Files.createDirectories(work);
        // Remove them also when the grader is stopped (SIGTERM, Ctrl-C), e.g. by a time limit such as Gradescope's
        // run_autograder `timeout`.
        Thread cleanUp = new Thread(() -> removeWhileStopping(work), "cnnkit-grade-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            List<Submission> submissions;
            try {
                submissions = submissions(work);
            } catch (IOException e) {
                System.err.println("Cannot read the submissions: " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                throw Inputs.misuse(spec, e.getMessage());
            }
            if (submissions.isEmpty()) {
                throw Inputs.misuse(spec, "no submissions found (a submission is a folder or a .zip)");
            }
            List<String> skipped = classDir == null ? List.of() : Submission.hidden(classDir);
            skipped.forEach(line -> console.println("Not graded: " + line));
            GradingOutput output = new GradingOutput(out, HintSource.catalogue(), presentation);
            List<Grade> grades = grade(submissions, rubric, output, work.resolve("work"), console);
            List<Grade> all = output.merge(grades, rubric);
            if (all.size() > grades.size()) {
                console.println("Kept " + (all.size() - grades.size()) + " submission(s) graded earlier in " + out
                    + " (scored with this rubric); --fresh starts the folder over.");
            }
            output.classReports(all, roster, skipped, console);
            console.println(Summary.console(all, HintSource.catalogue()));
            console.println("Wrote " + out.resolve(GradingOutput.GRADEBOOK) + ", " + out.resolve(GradingOutput.SUMMARY)
                + ", " + out.resolve(cnnkit.grader.report.ClassReport.FILE) + " and a folder per submission.");
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

    /** {@code --rescore}: every stored submission scored again with the rubric; no student code runs. */
    private int rescore(int sources) throws IOException {
        if (sources != 0 || fresh) {
            throw Inputs.misuse(spec, "--rescore grades nothing new: give no PATH, --class, --sample or --fresh");
        }
        Inputs.folder(spec, "--out", out);
        Rubric rubric = rubric();
        GradingOutput output = new GradingOutput(out, HintSource.catalogue(), presentation());
        Roster roster = roster();
        java.util.Map<String, Grade> stored = output.stored();
        if (stored.isEmpty()) {
            throw Inputs.misuse(spec, "--rescore: no graded submission (<id>/" + cnnkit.grader.report.GradeStore.FILE
                + ") in " + out);
        }
        java.util.Map<String, String> known = Grader.discoverChecks();
        if (!known.isEmpty()) {
            try {
                rubric.validate(known.keySet());
            } catch (IllegalArgumentException e) {
                throw Inputs.misuse(spec, "--rubric: " + e.getMessage());
            }
        }
        List<Grade> all = output.merge(List.of(), rubric);
        output.classReports(all, roster, List.of(), System.out);
        System.out.println("Rescored " + all.size() + " submission(s) in " + out + " with " + rubric + ".");
        System.out.println(Summary.console(all, HintSource.catalogue()));
        return 0;
    }

    /** Ends {@code grade --help} with every limit of the kit, from the one record of them. */
    static void listLimits(CommandLine grade) {
        grade.getCommandSpec().usageMessage()
            .footerHeading("%nTime limits (the options above set three of them):%n")
            .footer(Limits.DEFAULT.describe().split("\n"));
    }

    /** @return the kit's limits with this command's --check-timeout, --timeout and --compile-timeout */
    private Limits limits() {
        try {
            return Limits.DEFAULT.with(Duration.ofSeconds(checkTimeout), Duration.ofSeconds(timeout),
                Duration.ofSeconds(compileTimeout));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout: " + e.getMessage());
        }
    }

    private List<Grade> grade(List<Submission> submissions, Rubric rubric, GradingOutput output,
                              Path work, PrintStream console)
        throws Exception {
        Limits limits = limits();
        // Worker start-up dominates; sharing class data pays off from a few submissions on.
        Path archive = submissions.size() < ARCHIVE_FROM ? null
            : WorkerArchive.create(Files.createDirectories(work.resolve("cds")), Grader.testedSteps()).orElse(null);
        // One worker JVM per grading thread, reused for a few submissions (a fresh one after any incident).
        ForkedRunner runner = new ForkedRunner(limits, archive, Files.createDirectories(work.resolve("workers")),
            JOBS_PER_WORKER);
        // One compiler JVM per grading thread too, time- and memory-limited: javac can be made to stall.
        JavacProcess javac = new JavacProcess(limits.compile(),
            Files.createDirectories(work.resolve("javac")));
        Grader grader = new Grader(rubric, javac, runner, work);
        try {
            if (!grader.knownChecks().isEmpty()) {
                rubric.validate(grader.knownChecks().keySet());
            }
        } catch (IllegalArgumentException e) {
            runner.close();
            javac.close();
            throw Inputs.misuse(spec, "--rubric: " + e.getMessage());
        }
        if (fresh) {
            console.println("--fresh: removed " + new GradingOutput(out, null, null).clear()
                + " submission folder(s) of earlier runs from " + out);
        }
        Files.createDirectories(out);
        Progress progress = new Progress(console, System.console() != null, submissions.size());
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, submissions.size()));
        try {
            List<Future<Grade>> futures = new ArrayList<>();
            for (Submission s : submissions) {
                futures.add(pool.submit(() -> {
                    Grade g = grader.grade(s);
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
            double seconds = (System.nanoTime() - start) / 1e9;
            console.printf("Graded %d submission(s) in %.1f s (%.2f s per submission, %d in parallel)%n",
                grades.size(), seconds, seconds / grades.size(), Math.min(jobs, submissions.size()));
            return grades;
        } finally {
            pool.shutdownNow();
            runner.close();
            javac.close();
        }
    }

    /** Writes a submission's two reports; one that cannot be written costs that report, never the row. */
    private static void writeReports(GradingOutput output, Grade g) {
        try {
            output.submission(g);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            System.err.println("The reports of " + g.id() + " could not be written (" + e.getClass().getSimpleName()
                + "); its gradebook row is kept.");
        }
    }

    /** @return the submission's grade, or an error row if grading it failed in a way the grader did not catch */
    private static Grade rowOf(Submission s, Future<Grade> f, Grader grader) throws InterruptedException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return grader.failed(s, "the grader failed on this submission ("
                + e.getCause().getClass().getSimpleName() + ")");
        }
    }

    private ResultsJson.Presentation presentation() {
        try {
            return shown.presentation();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--visibility: " + e.getMessage());
        }
    }

    private Roster roster() throws IOException {
        if (rosterFile == null) {
            return null;
        }
        Inputs.readable(spec, "--roster", rosterFile);
        try {
            return Roster.load(rosterFile);
        } catch (IllegalArgumentException | IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--roster: " + e.getMessage());
        }
    }

    private Rubric rubric() {
        if (rubricFile == null) {
            return Rubric.defaults();
        }
        Inputs.readable(spec, "--rubric", rubricFile);
        try {
            return Rubric.load(rubricFile);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private List<Submission> submissions(Path work) throws IOException {
        if (sample) {
            Path sampleClass = work.resolve("sample-class");
            SampleClass.materialise(sampleClass);
            return Submission.ofClass(sampleClass);
        }
        if (classDir != null) {
            if (!Files.isDirectory(classDir)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--class " + classDir
                    + " is not a folder");
            }
            List<Path> strays = Submission.strays(classDir);
            if (!strays.isEmpty()) {
                System.out.println("Ignored in " + classDir + " (a submission is a folder or a .zip): "
                    + String.join(", ", strays.stream().map(p -> p.getFileName().toString()).toList()));
            }
            return Submission.ofClass(classDir);
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new CommandLine.ParameterException(spec.commandLine(), p + " does not exist");
            }
        }
        return Submission.of(paths);
    }

    private static Path ownCodeSource() {
        try {
            return Path.of(GradeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
