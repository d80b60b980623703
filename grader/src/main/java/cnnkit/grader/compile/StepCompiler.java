package cnnkit.grader.compile;

import cnnkit.grader.check.BytecodeCheck;
import cnnkit.grader.collect.Sources;
import cnnkit.grader.common.Trees;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compiles a submission with a compiler JVM of its own ({@link JavacProcess}), step by step in effect: a step whose
 * file is missing, does not compile, lacks the contract's signatures or fails the bytecode check is replaced by its exercise
 * stub and the rest is compiled again, so one broken step costs that step only. As the grader compiles a hand-in
 * ({@link #compileHandIn}), the {@link Given} classes are always the kit's copies: a hand-in's file of a given class's
 * name is not compiled, and a note says so if it was changed.
 *
 * <p>Nothing of the student's runs here: annotation processing is off, the class path is empty (only the JDK), and
 * signatures are read from the class files with ASM. A compiler that does not finish within the time limit (or runs
 * out of memory) costs the submission all its steps, with that reason; the class goes on.
 */
public final class StepCompiler {
    private static volatile Contract contract;
    private static volatile Path stubClasses;
    private static int stubCompilations;

    private StepCompiler() {}

    /**
     * Compiles the sources as they are, given classes included (the learners' jar, which adds the given classes a
     * learner's folder lacks itself and lets a learner experiment with their own).
     *
     * @param sources the {@code cnn} sources
     * @param work    a private work folder
     * @param javac   the compiler
     * @return the compiled classes and, per replaced step, why
     * @throws IOException if the work folder cannot be written
     */
    public static Compilation compile(Sources sources, Path work, Javac javac) throws IOException {
        return compile(sources, work, javac, false);
    }

    /**
     * Compiles a hand-in as the grader does: with the kit's copies of the {@link Given} classes, in place of the
     * hand-in's own (a note says so when the hand-in's differs).
     *
     * @param sources the submission's {@code cnn} sources
     * @param work    this submission's private work folder
     * @param javac   the compiler for the student's sources (one with a time and memory limit)
     * @return the compiled classes and, per replaced step, why
     * @throws IOException if the work folder cannot be written
     */
    public static Compilation compileHandIn(Sources sources, Path work, Javac javac) throws IOException {
        return compile(sources, work, javac, true);
    }

    private static Compilation compile(Sources sources, Path work, Javac javac, boolean kitGiven) throws IOException {
        Javac.Deadline deadline = Javac.Deadline.in(javac.limit());
        Map<Step, List<String>> stubbed = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            if (!sources.steps().containsKey(step)) {
                stubbed.put(
                        step,
                        List.of(step.sourceFile() + " was not found in the submission (a file " + step.sourceFile()
                                + " starting with `package cnn;`)"));
            }
        }
        List<Path> helpers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path helper : sources.helpers()) {
            if (!kitGiven || !Given.isGiven(helper)) {
                helpers.add(helper);
            } else if (!Given.unchanged(name(helper), Files.readString(helper, StandardCharsets.UTF_8))) {
                notes.add(changedGiven(name(helper)));
            }
        }
        Path classes = work.resolve("classes");
        // Each round stubs at least one more step or drops a helper, so this ends.
        for (int round = 0; round <= Step.values().length + helpers.size() + 1; round++) {
            Map<Path, List<String>> errors;
            try {
                errors = javac.compile(files(sources, stubbed, helpers, kitGiven, work), classes, deadline);
            } catch (Javac.Stopped e) {
                return stopped(e.getMessage(), sources, work);
            }
            if (!errors.isEmpty()) {
                blame(errors, sources, stubbed, helpers, notes, work);
                continue;
            }
            if (stubUnfit(classes, stubbed)) {
                continue;
            }
            return new Compilation(classes, stubbed, notes);
        }
        throw new IllegalStateException("compiling did not settle");
    }

    /**
     * The compiler did not finish (too slow, out of memory): which file made it so cannot be told, so every step
     * is replaced by its stub and no helper is compiled.
     */
    private static Compilation stopped(String why, Sources sources, Path work) throws IOException {
        Map<Step, List<String>> stubbed = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            stubbed.put(
                    step,
                    List.of(
                            sources.steps().containsKey(step)
                                    ? step.sourceFile() + " was not compiled: " + why
                                    : step.sourceFile() + " was not found in the submission"));
        }
        Path classes = work.resolve("classes");
        Map<Path, List<String>> errors = JdkCompiler.compile(files(sources, stubbed, List.of(), false, work), classes);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the exercise stubs do not compile: " + errors.keySet());
        }
        return new Compilation(classes, stubbed, List.of("Your files were not compiled: " + why + "."));
    }

    /** Replaces steps lacking signatures or failing the bytecode check; @return true if any was replaced */
    private static boolean stubUnfit(Path classes, Map<Step, List<String>> stubbed) throws IOException {
        boolean changed = false;
        for (Step step : Step.values()) {
            if (stubbed.containsKey(step)) {
                continue;
            }
            List<String> missing = contract().missing(classes, step);
            if (!missing.isEmpty()) {
                List<String> reasons = new ArrayList<>();
                missing.forEach(m -> reasons.add(step.sourceFile() + " lacks the method `" + m
                        + "` the exercise asks for (check name, parameter types, return type, public static)"));
                stubbed.put(step, reasons);
                changed = true;
            }
        }
        if (changed) {
            return true;
        }
        for (Map.Entry<Step, List<String>> e : BytecodeCheck.check(classes).entrySet()) {
            if (!stubbed.containsKey(e.getKey()) && !e.getValue().isEmpty()) {
                stubbed.put(e.getKey(), List.copyOf(e.getValue()));
                changed = true;
            }
        }
        return changed;
    }

    /** Stubs each step file with errors, drops each helper with errors (or declaring a step's class). */
    private static void blame(
            Map<Path, List<String>> errors,
            Sources sources,
            Map<Step, List<String>> stubbed,
            List<Path> helpers,
            List<String> notes,
            Path work)
            throws IOException {
        boolean blamed = false;
        for (Step step : Step.values()) {
            Path file = sources.steps().get(step);
            if (file != null && !stubbed.containsKey(step) && errors.containsKey(key(file))) {
                List<String> reasons = new ArrayList<>();
                reasons.add(step.sourceFile() + " does not compile:");
                reasons.addAll(errors.get(key(file)));
                stubbed.put(step, reasons);
                blamed = true;
            }
        }
        for (Path helper : List.copyOf(helpers)) {
            if (errors.containsKey(key(helper))) {
                helpers.remove(helper);
                notes.add("Your helper class " + helper.getFileName() + " does not compile and was left out: "
                        + String.join("; ", errors.get(key(helper))));
                blamed = true;
            }
        }
        if (!blamed) {
            blamed = dropHelpersDeclaringSteps(errors, sources, stubbed, helpers, notes, work);
        }
        if (!blamed) {
            throw new IllegalStateException("compiler errors outside the student's files, in "
                    + errors.keySet().stream().map(Path::getFileName).toList());
        }
    }

    /**
     * A stub that does not compile clashes with a helper declaring a class of the step's name (the step's own file
     * being missing or replaced): that helper is left out, so the step costs its points and nothing else.
     *
     * @return true if a helper was dropped
     */
    private static boolean dropHelpersDeclaringSteps(
            Map<Path, List<String>> errors,
            Sources sources,
            Map<Step, List<String>> stubbed,
            List<Path> helpers,
            List<String> notes,
            Path work)
            throws IOException {
        boolean dropped = false;
        for (Step step : stubbed.keySet()) {
            if (!errors.containsKey(key(work.resolve("stubs").resolve(step.sourceFile())))) {
                continue;
            }
            Pattern declares = Pattern.compile("\\b(class|interface|enum|record)\\s+" + step.className() + "\\b");
            for (Path helper : List.copyOf(helpers)) {
                if (declares.matcher(Files.readString(helper, StandardCharsets.UTF_8))
                        .find()) {
                    helpers.remove(helper);
                    notes.add("Your helper class " + helper.getFileName() + " declares a class " + step.className()
                            + ", the name of a step, and was left out: " + step.className() + " belongs in "
                            + step.sourceFile() + ".");
                    dropped = true;
                }
            }
        }
        return dropped;
    }

    /**
     * @param name a given file's name
     * @return the note for a hand-in whose copy of it was changed
     */
    static String changedGiven(String name) {
        return "Your " + name + " differs from the handout's: " + name + " is given, so the grader compiled the"
                + " handout's copy, not yours. Put code of your own in a class of your own.";
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    /**
     * The files of one round: the kit's given classes first, if asked for (so that a student's file declaring a given class again is
     * the one the compiler blames, and left out), the helpers, then each step's file or stub.
     */
    private static List<Path> files(
            Sources sources, Map<Step, List<String>> stubbed, List<Path> helpers, boolean kitGiven, Path work)
            throws IOException {
        List<Path> files = new ArrayList<>();
        if (kitGiven) {
            Path given = Files.createDirectories(work.resolve("kit-given"));
            for (String name : Given.FILES) {
                files.add(Files.writeString(given.resolve(name), Given.source(name), StandardCharsets.UTF_8));
            }
        }
        files.addAll(helpers);
        Path stubs = Files.createDirectories(work.resolve("stubs"));
        for (Step step : Step.values()) {
            if (stubbed.containsKey(step)) {
                Path stub = stubs.resolve(step.sourceFile());
                Files.writeString(stub, Stubs.source(step), StandardCharsets.UTF_8);
                files.add(stub);
            } else {
                files.add(sources.steps().get(step));
            }
        }
        return files;
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** The contract, read once per grader run from the stubs compiled on their own. */
    private static Contract contract() throws IOException {
        Contract c = contract;
        if (c == null) {
            synchronized (StepCompiler.class) {
                if (contract == null) {
                    contract = Contract.fromStubs(stubClasses());
                }
                c = contract;
            }
        }
        return c;
    }

    /**
     * The exercise stubs of all steps, compiled on their own (the contract, the checks' discovery and the workers'
     * class-data archive all read them): unpacked once per JVM from the ones compiled when the grader was built
     * ({@link BuiltStubs}), or else compiled once per JVM, into a temporary folder removed when the JVM exits.
     *
     * @return the folder of the compiled stubs; do not write into it
     * @throws IOException if the folder cannot be written
     */
    public static Path stubClasses() throws IOException {
        Path p = stubClasses;
        if (p == null) {
            synchronized (StepCompiler.class) {
                if (stubClasses == null) {
                    Path dir = Files.createTempDirectory("cnnkit-stubs");
                    deleteAtExit(dir);
                    stubClasses = BuiltStubs.unpack(dir).orElse(null);
                    if (stubClasses == null) {
                        stubClasses = compileStubs(dir);
                        stubCompilations++;
                    }
                }
                p = stubClasses;
            }
        }
        return p;
    }

    private static void deleteAtExit(Path dir) {
        Runnable delete = () -> {
            try {
                Trees.delete(dir);
            } catch (IOException e) {
                // the JVM is ending; a stub folder left behind holds no student code
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(delete, "cnnkit-stubs-cleanup"));
    }

    /** @return how often this JVM compiled the stubs (once at most, never where they were built: the tests check it) */
    static synchronized int stubCompilations() {
        return stubCompilations;
    }

    /** Compiles the stubs in {@code dir}; @return the folder of their classes */
    static Path compileStubs(Path dir) throws IOException {
        List<Path> stubs = new ArrayList<>();
        for (Step step : Step.values()) {
            stubs.add(Files.writeString(dir.resolve(step.sourceFile()), Stubs.source(step)));
        }
        Map<Path, List<String>> errors = JdkCompiler.compile(stubs, dir.resolve("classes"));
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the exercise stubs do not compile: " + errors);
        }
        return dir.resolve("classes");
    }
}
