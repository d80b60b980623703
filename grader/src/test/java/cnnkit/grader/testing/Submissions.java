package cnnkit.grader.testing;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.run.CheckResult;
import cnnkit.grader.run.HiddenTestRunner;
import cnnkit.grader.run.HiddenTests;
import cnnkit.grader.run.PlannedChecks;
import cnnkit.grader.run.PlannedRunner;
import cnnkit.grader.run.StudentClassLoader;
import cnnkit.lecture.Limits;
import cnnkit.lecture.Step;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * The one place where grader tests compile {@code cnn} sources (the solutions, the stubs, mutants) with the JDK's
 * compiler and run the hidden tests against the result.
 */
public final class Submissions {
    /** The reference solutions' sources, relative to the grader module (Maven runs tests there). */
    public static final Path SOLUTIONS = Path.of("../solutions/src/main/java/cnn");
    /** The exercise stubs' sources. */
    public static final Path STUBS = Path.of("../exercises/src/main/java/cnn");
    /** The code given to students (cnn.GradientCheck, cnn.Network): part of every student's build. */
    public static final Path GIVEN = Path.of("../exercises/src/given/java/cnn");

    private static final java.util.Map<Path, Path> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private Submissions() {}

    /**
     * @param silence how long a worker may stay silent during a check
     * @param restarts fresh workers after a crash or a timeout
     * @return the kit's limits for tests on a loaded machine: 60 s for a worker's start and for a submission
     */
    public static Limits limits(Duration silence, int restarts) {
        Limits d = Limits.DEFAULT;
        return d.with(silence, Duration.ofSeconds(60), d.compile()).withWorkers(Duration.ofSeconds(60), restarts);
    }

    /** @return the solutions compiled (once per test JVM) into {@code target/compiled-submissions/solutions} */
    public static Path compiledSolutions() {
        return COMPILED.computeIfAbsent(SOLUTIONS, s -> compileFolder(s, freshFolder("solutions")));
    }

    /** @return the stubs compiled (once per test JVM) into {@code target/compiled-submissions/stubs} */
    public static Path compiledStubs() {
        return COMPILED.computeIfAbsent(STUBS, s -> compileFolder(s, freshFolder("stubs")));
    }

    /** An empty folder below {@code target/compiled-submissions}. */
    public static Path freshFolder(String name) {
        Path dir = Path.of("target", "compiled-submissions", name);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path p :
                            old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the {@code .java} files directly in a folder, sorted */
    public static List<Path> javaFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles sources into {@code out}.
     *
     * @param out       the classes folder (created)
     * @param classpath extra class path entries (e.g. already compiled solutions), may be empty
     * @param sources   the {@code .java} files
     * @return {@code out}
     * @throws AssertionError with the compiler's messages if compilation fails
     */
    public static Path compile(Path out, List<Path> classpath, List<Path> sources) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(
                List.of("-d", out.toString(), "--release", "17", "-nowarn", "-encoding", "UTF-8", "-proc:none"));
        if (!classpath.isEmpty()) {
            args.add("-cp");
            args.add(String.join(
                    java.io.File.pathSeparator,
                    classpath.stream().map(Path::toString).toList()));
        }
        sources.forEach(p -> args.add(p.toString()));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        PrintWriter err = new PrintWriter(messages, true, StandardCharsets.UTF_8);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, messages, args.toArray(String[]::new));
        err.flush();
        if (status != 0) {
            throw new AssertionError("javac failed on " + sources + ":\n" + messages.toString(StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * Compiles every {@code .java} file of a folder into {@code out}, with the given code the folder lacks (by file
     * name), as a student's build has it: the reference's Training needs the given Network.
     */
    public static Path compileFolder(Path sources, Path out) {
        List<Path> files = new ArrayList<>(javaFiles(sources));
        for (Path given : javaFiles(GIVEN)) {
            if (files.stream().noneMatch(f -> f.getFileName().equals(given.getFileName()))) {
                files.add(given);
            }
        }
        return compile(out, List.of(), files);
    }

    /** Runs the hidden tests of the given steps (all if none given) against a classes folder. */
    public static List<CheckResult> runHidden(Path classes, Step... steps) {
        return runHidden(
                classes, Assignment.FORWARD, steps.length == 0 ? Arrays.asList(Step.values()) : List.of(steps));
    }

    /** @return the results of an assignment's hidden checks of every unit (that has them) against the classes */
    public static List<CheckResult> runHidden(Path classes, Assignment assignment) {
        return runHidden(classes, assignment, List.copyOf(cnnkit.grader.Grader.testedSteps(assignment)));
    }

    /**
     * @return the results of an assignment's hidden checks of these steps' units, through the test engines; each
     *     time, the workers' engine-free runner ({@link PlannedRunner}) must give the very same results, in the same
     *     order, on a fresh loader: so every test that grades a submission here also compares the two
     */
    public static List<CheckResult> runHidden(Path classes, Assignment assignment, List<Step> steps) {
        List<CheckResult> results = runEngines(classes, assignment, steps);
        List<CheckResult> planned = runPlanned(classes, assignment, steps);
        if (!planned.equals(results)) {
            throw new AssertionError("the engine-free runner differs from the test engines on " + classes + ":\n"
                    + differences(results, planned));
        }
        return results;
    }

    /** @return the results of the hidden checks through the test engines ({@link HiddenTestRunner}) */
    public static List<CheckResult> runEngines(Path classes, Assignment assignment, List<Step> steps) {
        List<CheckResult> results = new ArrayList<>();
        try (StudentClassLoader loader = HiddenTests.loader(classes)) {
            HiddenTestRunner.run(loader, assignment, steps, id -> true, id -> {}, results::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results;
    }

    /** @return the results of the hidden checks through the built plan ({@link PlannedRunner}) */
    public static List<CheckResult> runPlanned(Path classes, Assignment assignment, List<Step> steps) {
        List<CheckResult> results = new ArrayList<>();
        try (StudentClassLoader loader = HiddenTests.loader(classes)) {
            PlannedRunner.run(
                    loader,
                    PlannedChecks.read(assignment).orElseThrow(),
                    steps,
                    id -> true,
                    plan -> {},
                    id -> {},
                    results::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results;
    }

    private static String differences(List<CheckResult> engines, List<CheckResult> planned) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.max(engines.size(), planned.size()); i++) {
            CheckResult a = i < engines.size() ? engines.get(i) : null;
            CheckResult b = i < planned.size() ? planned.get(i) : null;
            if (a == null || !a.equals(b)) {
                out.append("  engines: ")
                        .append(a)
                        .append("\n  planned: ")
                        .append(b)
                        .append('\n');
            }
        }
        return out.toString();
    }
}
