package cnnkit.grader.cli;

import cnnkit.grader.ClassGrading;
import cnnkit.grader.ShardedGrading;
import cnnkit.grader.collect.Submission;
import cnnkit.grader.common.Assignment;
import cnnkit.grader.course.Roster;
import cnnkit.grader.course.RosterGradebook;
import cnnkit.grader.report.ResultsJson;
import cnnkit.grader.score.Rubric;
import cnnkit.grader.shard.Shard;
import cnnkit.lecture.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code grade}: grades submissions with the hidden tests and writes the gradebook, each student's
 * {@code results.json} and {@code feedback.md}, and the class summary.
 */
@Command(
        name = "grade",
        mixinStandardHelpOptions = true,
        description = {
            "Grade submissions (folders or .zip files) with the hidden tests.",
            "Writes gradebook.csv, summary.md, class-report.html and per submission <id>/results.json (Gradescope) and "
                    + "<id>/feedback.md.",
            "Exit status 0 when every submission got a row, whatever the scores."
        })
public final class GradeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            description = "a submission: a folder or a .zip (its id is its " + "name without .zip)")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--class", paramLabel = "DIR", description = "a folder whose every child is one submission")
    Path classDir;

    @Option(
            names = "--sample",
            description = "grade the sample class shipped with the kit (Part 2's with --assignment backprop)")
    boolean sample;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "grading-out",
            description = "where to write the reports (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--jobs",
            paramLabel = "N",
            description = "submissions graded in parallel (default: the number " + "of cores)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--assignment",
            paramLabel = "NAME",
            defaultValue = "forward",
            description = "forward (Part 1: the forward pass, the default) or backprop (Part 2: the backward passes "
                    + "and training; its own rubric and gradebook columns)")
    String assignmentName;

    @Option(
            names = "--rubric",
            paramLabel = "FILE",
            description = "a rubric CSV (check_id,step,points) instead of " + "the default")
    Path rubricFile;

    // Defaults from the kit's one record of limits (Limits.DEFAULT), which --help lists in full below the options.
    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "time all checks of one submission may take (default: ${DEFAULT-VALUE})")
    int timeout = (int) Limits.DEFAULT.submission().toSeconds();

    @Option(
            names = "--check-timeout",
            paramLabel = "SECONDS",
            description = "time one check may run silently before its test JVM is stopped (default: ${DEFAULT-VALUE})")
    int checkTimeout = (int) Limits.DEFAULT.silence().toSeconds();

    @Option(
            names = "--compile-timeout",
            paramLabel = "SECONDS",
            description =
                    "time the compiler may take on one submission before it is stopped and the submission's steps "
                            + "score 0 (default: ${DEFAULT-VALUE})")
    int compileTimeout = (int) Limits.DEFAULT.compile().toSeconds();

    @CommandLine.Mixin
    PresentationOptions shown = new PresentationOptions();

    @Option(
            names = "--roster",
            paramLabel = "FILE",
            description = "id,name,email CSV: also write " + RosterGradebook.FILE
                    + " with each submission's student (gradebook.csv is unchanged)")
    Path rosterFile;

    @Option(
            names = "--fresh",
            description = "start --out over: remove the submissions and class files earlier "
                    + "runs wrote there (default: keep them; the class files are rebuilt from all submissions)")
    boolean fresh;

    @Option(
            names = "--skip-unchanged",
            description = "when grading into an --out that holds earlier runs: a submission whose graded sources are "
                    + "the same as its stored grade's (same digest) is not run again; its stored check results are "
                    + "scored with this rubric. Only for the same grader: a new kit version must grade everything")
    boolean skipUnchanged;

    @Option(
            names = "--rescore",
            description = "grade nothing: score every submission stored in --out again from "
                    + "its stored check results (e.g. with a new --rubric), without running student code")
    boolean rescore;

    @Option(
            names = "--archives",
            paramLabel = "DIR",
            description = "keep the worker and compiler JVMs' class-data archives in DIR for later runs (made by "
                    + "the first run that lacks them): a run of one submission then starts faster (the Gradescope "
                    + "zip's setup makes them once)")
    Path archives;

    @Option(
            names = "--results-only",
            description = "write each submission's folder (results.json, feedback) but no class files (gradebook, "
                    + "summary, class report): what the Gradescope zip's run_autograder does, which keeps one "
                    + "results.json")
    boolean resultsOnly;

    @CommandLine.Mixin
    ShardOptions sharding = new ShardOptions();

    @Override
    public Integer call() throws Exception {
        int sources = (paths.isEmpty() ? 0 : 1) + (classDir == null ? 0 : 1) + (sample ? 1 : 0);
        Shard shard = sharding.shard(spec, System.getenv());
        if (rescore) {
            return rescore(sources + (shard == null ? 0 : 1));
        }
        if (sources != 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "give exactly one of: PATH..., --class DIR, --sample (or --rescore)");
        }
        if (jobs < 1 || timeout < 1 || checkTimeout < 1 || compileTimeout < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs and the timeouts must be at least 1");
        }
        if (classDir != null && !Files.isDirectory(classDir)) {
            throw Inputs.misuse(spec, "--class " + classDir + " is not a folder");
        }
        if (resultsOnly && rosterFile != null) {
            throw Inputs.misuse(spec, "--results-only writes no class files, so --roster would not be used");
        }
        ClassGrading.Settings settings = settings();
        List<String> skipped = classDir == null ? List.of() : Submission.hidden(classDir);
        if (shard != null) {
            if (resultsOnly) {
                throw Inputs.misuse(spec, "--results-only: a shard writes no class files anyway (merge does)");
            }
            if (sample) {
                throw Inputs.misuse(spec, "--shard splits a class: give --class DIR or PATH..., not --sample");
            }
            return ShardedGrading.grade(settings, shard, given(), skipped, System.out);
        }
        return ClassGrading.grade(settings, this::submissions, skipped, System.out);
    }

    /** {@code --rescore}: every stored submission scored again with the rubric; no student code runs. */
    private int rescore(int sources) throws IOException {
        if (sources != 0 || fresh || resultsOnly) {
            throw Inputs.misuse(
                    spec,
                    "--rescore grades nothing new: give no PATH, --class, --sample, --shard, --fresh or "
                            + "--results-only");
        }
        ClassGrading.rescore(settings(), System.out);
        return 0;
    }

    /** @return the options as the pipeline's settings, each checked (a mistake is exit 2 before any work) */
    private ClassGrading.Settings settings() throws IOException {
        Limits limits = limits();
        Inputs.folder(spec, "--out", out);
        Assignment assignment = assignment();
        Rubric rubric = rubric(assignment);
        ResultsJson.Presentation presentation = presentation();
        return new ClassGrading.Settings(
                out, rubric, limits, jobs, fresh, presentation, roster(), skipUnchanged, archives, !resultsOnly);
    }

    /** Ends {@code grade --help} with every limit of the kit, from the one record of them. */
    static void listLimits(CommandLine grade) {
        grade.getCommandSpec()
                .usageMessage()
                .footerHeading("%nTime limits (the options above set three of them):%n")
                .footer(Limits.DEFAULT.describe().split("\n"));
    }

    /** @return the kit's limits with this command's --check-timeout, --timeout and --compile-timeout */
    private Limits limits() {
        try {
            return Limits.DEFAULT.with(
                    Duration.ofSeconds(checkTimeout), Duration.ofSeconds(timeout), Duration.ofSeconds(compileTimeout));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout: " + e.getMessage());
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

    private Assignment assignment() {
        return Assignment.byId(assignmentName)
                .orElseThrow(() ->
                        Inputs.misuse(spec, "--assignment " + assignmentName + " is none of " + Assignment.ids()));
    }

    private Rubric rubric(Assignment assignment) {
        if (rubricFile == null) {
            return Rubric.defaults(assignment);
        }
        Inputs.readable(spec, "--rubric", rubricFile);
        Rubric rubric;
        try {
            rubric = Rubric.load(rubricFile);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (rubric.assignment() != assignment) {
            throw Inputs.misuse(
                    spec,
                    "--rubric " + rubricFile + " scores the "
                            + rubric.assignment().id() + " assignment, not " + assignment.id() + " (give --assignment "
                            + rubric.assignment().id() + ")");
        }
        return rubric;
    }

    private List<Submission> submissions(Path work) throws IOException {
        if (sample) {
            Path sampleClass = work.resolve("sample-class");
            SampleClass.materialise(assignment(), sampleClass);
            return Submission.ofClass(sampleClass);
        }
        return given();
    }

    /** @return the submissions of --class or the PATHs (not --sample) */
    private List<Submission> given() throws IOException {
        if (classDir != null) {
            List<Path> strays = Submission.strays(classDir);
            if (!strays.isEmpty()) {
                System.out.println("Ignored in " + classDir + " (a submission is a folder or a .zip): "
                        + String.join(
                                ", ",
                                strays.stream()
                                        .map(p -> p.getFileName().toString())
                                        .toList()));
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
}
