package cnnkit.grader;

import cnnkit.grader.collect.Collector;
import cnnkit.grader.collect.RejectedSubmission;
import cnnkit.grader.collect.SourceDigest;
import cnnkit.grader.collect.Sources;
import cnnkit.grader.collect.Submission;
import cnnkit.grader.common.Assignment;
import cnnkit.grader.common.Trees;
import cnnkit.grader.compile.Compilation;
import cnnkit.grader.compile.Javac;
import cnnkit.grader.compile.StepCompiler;
import cnnkit.grader.report.GradeStore;
import cnnkit.grader.run.CheckResult;
import cnnkit.grader.run.ForkedRunner;
import cnnkit.grader.run.HiddenTestRunner;
import cnnkit.grader.run.HiddenTests;
import cnnkit.grader.run.StudentClassLoader;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.GradeStatus;
import cnnkit.grader.score.Rubric;
import cnnkit.grader.score.Scorer;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Grades one submission through the pipeline: collect → compile (and check) → run → score. Never throws: whatever
 * goes wrong with one submission becomes its status and reason, so it cannot cost another submission its grade.
 * Each submission gets a private work folder, deleted afterwards.
 */
public final class Grader {
    /** {@code -Dcnnkit.timing=true} prints each submission's time per phase, and JPlag's (for the benchmark). */
    static final boolean TIMING = Boolean.getBoolean("cnnkit.timing");

    /** The folder, in a submission's report folder, that holds the sources graded last. */
    public static final String SOURCES = "sources";

    private static final String NOTHING_COMPILED = "No step of yours could be graded: each step file was missing, "
            + "did not compile or lacked the exercise's methods (see below).";

    private final Rubric rubric;
    private final Javac javac;
    private final ForkedRunner runner;
    private final Path workRoot;
    private final Path keptSources;
    private Map<String, String> known;

    /**
     * @param rubric   points per check
     * @param javac    compiles the students' sources (a {@link cnnkit.grader.compile.JavacProcess}: time- and
     *                 memory-limited, in JVMs of its own)
     * @param runner   runs the checks in worker JVMs
     * @param workRoot a folder for the submissions' work folders
     * @param keptSources where each graded submission's sources are kept, as {@code <id>/}{@value #SOURCES}{@code /}
     *     (for the similarity of submissions, across runs), or null to keep none
     */
    public Grader(Rubric rubric, Javac javac, ForkedRunner runner, Path workRoot, Path keptSources) {
        this.rubric = rubric;
        this.javac = javac;
        this.runner = runner;
        this.workRoot = workRoot;
        this.keptSources = keptSources;
    }

    /** @return the steps this build of the grader has Part 1 hidden tests for */
    public static java.util.EnumSet<Step> testedSteps() {
        return testedSteps(Assignment.FORWARD);
    }

    /** @return the steps whose slots hold a unit of the assignment that this build of the grader has hidden tests for */
    public static java.util.EnumSet<Step> testedSteps(Assignment assignment) {
        java.util.EnumSet<Step> steps = java.util.EnumSet.allOf(Step.class);
        steps.removeIf(step -> !HiddenTests.exist(assignment, step));
        return steps;
    }

    /**
     * @param submission a hand-in
     * @return its grade
     */
    public Grade grade(Submission submission) {
        return grade(submission, null);
    }

    /**
     * @param submission a hand-in
     * @param earlier    its grade stored by an earlier run, or null: when the hand-in's graded sources are the same
     *                   (same {@link SourceDigest}) and the grader has the same checks, its stored check results are
     *                   scored again with this rubric instead of running the code ({@code grade --skip-unchanged})
     * @return its grade
     */
    public Grade grade(Submission submission, Grade earlier) {
        long start = System.nanoTime();
        Path work = workRoot.resolve(submission.id());
        try {
            Files.createDirectories(work);
            return grade(submission, earlier, work, start);
        } catch (RejectedSubmission e) {
            return without(submission, GradeStatus.REJECTED, e.getMessage(), List.of(), start);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // The details (with the grader's own paths) are for the instructor, not for the student's report.
            System.err.println("grading " + submission.id() + " failed: " + e);
            return without(
                    submission,
                    GradeStatus.ERROR,
                    "the grader failed on this submission (" + e.getClass().getSimpleName()
                            + "); your instructor has the details",
                    List.of(),
                    start);
        } finally {
            try {
                Trees.delete(work);
            } catch (IOException e) {
                // a left-over work folder is removed with the run's temp folder
            }
        }
    }

    private Grade grade(Submission submission, Grade earlier, Path work, long start)
            throws IOException, RejectedSubmission {
        Sources sources = Collector.collect(submission, work);
        if (earlier != null
                && !sources.isEmpty()
                && earlier.sourceDigest().equals(SourceDigest.of(sources))
                && sameChecks(earlier)) {
            keep(submission.id(), sources);
            return GradeStore.rescore(earlier, rubric);
        }
        if (sources.isEmpty()) {
            return without(
                    submission,
                    GradeStatus.NO_SOURCES,
                    "No Java file with `package cnn;` was found.",
                    sources.ignored(),
                    start);
        }
        keep(submission.id(), sources);
        long collected = System.nanoTime();
        Compilation compilation = StepCompiler.compileHandIn(sources, work, javac);
        long compiled = System.nanoTime();
        List<String> notes = new ArrayList<>(sources.notes());
        notes.addAll(compilation.notes());
        Set<Step> runnable = compilation.studentSteps();
        runnable.retainAll(testedSteps(rubric.assignment()));
        List<CheckResult> results = List.of();
        String output = "";
        if (!runnable.isEmpty()) {
            ForkedRunner.Outcome outcome = runner.run(compilation.classes(), rubric.assignment(), runnable, work);
            results = outcome.results();
            output = outcome.output();
            notes.addAll(outcome.incidents());
        }
        if (TIMING) {
            System.err.printf(
                    "%s: collect %.2f s, compile %.2f s, run %.2f s%n",
                    submission.id(),
                    (collected - start) / 1e9,
                    (compiled - collected) / 1e9,
                    (System.nanoTime() - compiled) / 1e9);
        }
        Scorer.Scored scored = Scorer.score(rubric, results, compilation.stubbed(), knownChecks());
        boolean nothingCompiled = compilation.studentSteps().isEmpty();
        return new Grade(
                submission.id(),
                nothingCompiled ? GradeStatus.COMPILE_ERROR : GradeStatus.GRADED,
                nothingCompiled ? NOTHING_COMPILED : "",
                scored.steps(),
                scored.checks(),
                sources.ignored(),
                notes,
                output,
                seconds(start),
                SourceDigest.of(sources));
    }

    /** @return whether {@code earlier} was graded by the same checks as this grader's (ids and names) */
    private boolean sameChecks(Grade earlier) {
        Map<String, String> stored = new LinkedHashMap<>();
        earlier.checks()
                .forEach(c -> stored.put(c.result().checkId(), c.result().displayName()));
        return stored.equals(knownChecks());
    }

    /**
     * @return whether {@link #grade(Submission, Grade)} kept {@code earlier} for {@code g}: the same sources, graded
     *     by the same checks
     */
    boolean kept(Grade g, Grade earlier) {
        return earlier != null
                && !g.sourceDigest().isEmpty()
                && g.sourceDigest().equals(earlier.sourceDigest())
                && sameChecks(earlier);
    }

    /** Copies the graded files (steps and helpers, by file name) to {@code keptSources/<id>/sources}, replacing. */
    private void keep(String id, Sources sources) throws IOException {
        if (keptSources == null) {
            return;
        }
        Path folder = keptSources.resolve(id).resolve(SOURCES);
        Trees.delete(folder);
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>(sources.steps().values());
        files.addAll(sources.helpers());
        for (Path file : files) {
            Path target = folder.resolve(file.getFileName().toString());
            for (int n = 2; Files.exists(target); n++) {
                target = folder.resolve(n + "-" + file.getFileName());
            }
            Files.copy(file, target);
        }
    }

    /**
     * @param submission a hand-in whose grading failed outside this class (e.g. its reports could not be made)
     * @param reason     why, for the gradebook's reader
     * @return an {@code error} grade for it, every step at 0
     */
    public Grade failed(Submission submission, String reason) {
        return without(submission, GradeStatus.ERROR, reason, List.of(), System.nanoTime());
    }

    private Grade without(Submission submission, GradeStatus status, String reason, List<String> ignored, long start) {

        Map<Step, List<String>> none = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            none.put(step, List.of(reason));
        }
        Scorer.Scored scored = Scorer.score(rubric, List.of(), none, knownChecks());
        return new Grade(
                submission.id(),
                status,
                reason,
                scored.steps(),
                scored.checks(),
                ignored,
                List.of(),
                "",
                seconds(start),
                "");
    }

    /**
     * Every hidden check's id and name, found by discovering the hidden tests against the exercise stubs when the
     * grader is built (the grader's own code: no student class is loaded), so that a check that never ran is still
     * listed and a rubric can be checked against them before grading.
     *
     * @return check id to its display name, in discovery order; empty if discovery failed
     */
    public synchronized Map<String, String> knownChecks() {
        if (known == null) {
            known = discoverChecks(rubric.assignment());
        }
        return known;
    }

    /**
     * @return every hidden check's id and display name, in discovery order; empty if discovery failed (the
     *         rubric's ids still list the checks, by method name)
     */
    public static Map<String, String> discoverChecks() {
        return discoverChecks(Assignment.FORWARD);
    }

    /**
     * As {@link #discoverChecks()}, for an assignment's checks: as discovered when the grader was built
     * ({@link BuiltChecks}), or discovered now where the grader was packed without that list.
     */
    public static Map<String, String> discoverChecks(Assignment assignment) {
        return discoverChecks(assignment, true);
    }

    /** @param built whether the list discovered when the grader was built may serve */
    static Map<String, String> discoverChecks(Assignment assignment, boolean built) {
        if (built) {
            Optional<Map<String, String>> list = BuiltChecks.read(assignment);
            if (list.isPresent()) {
                return list.get();
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        try (StudentClassLoader loader = HiddenTests.loader(StepCompiler.stubClasses())) {
            HiddenTestRunner.discover(loader, assignment, testedSteps(assignment))
                    .forEach((id, r) -> names.put(id, r.displayName()));
        } catch (IOException | RuntimeException e) {
            names.clear();
        }
        return Collections.unmodifiableMap(names);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
