package cnnkit.grader.compile;

import cnnkit.lecture.Step;
import cnnkit.grader.common.Trees;
import cnnkit.grader.check.BytecodeCheck;
import cnnkit.grader.collect.Sources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a submission in the grader's JVM with the JDK's compiler, step by step in effect: a step whose file is
 * missing, does not compile, lacks the contract's signatures or fails the bytecode check is replaced by its exercise
 * stub and the rest is compiled again, so one broken step costs that step only.
 *
 * <p>Nothing of the student's runs here: annotation processing is off, the class path is empty (only the JDK), and
 * signatures are read from the class files with ASM.
 */
public final class StepCompiler {
    /** Compiler messages quoted per step. */
    public static final int MAX_MESSAGES = 5;
    private static final int MAX_MESSAGE_CHARS = 300;
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    private static volatile Contract contract;

    private StepCompiler() {
    }

    /**
     * @param sources the submission's {@code cnn} sources
     * @param work    this submission's private work folder
     * @return the compiled classes and, per replaced step, why
     * @throws IOException if the work folder cannot be written
     */
    public static Compilation compile(Sources sources, Path work) throws IOException {
        Map<Step, List<String>> stubbed = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            if (!sources.steps().containsKey(step)) {
                stubbed.put(step, List.of(step.sourceFile() + " was not found in the submission (a file "
                    + step.sourceFile() + " starting with `package cnn;`)"));
            }
        }
        List<Path> helpers = new ArrayList<>(sources.helpers());
        List<String> notes = new ArrayList<>();
        Path classes = work.resolve("classes");
        // Each round stubs at least one more step or drops a helper, so this ends.
        for (int round = 0; round <= Step.values().length + helpers.size() + 1; round++) {
            Map<Path, List<String>> errors = javac(files(sources, stubbed, helpers, work), classes);
            if (!errors.isEmpty()) {
                blame(errors, sources, stubbed, helpers, notes);
                continue;
            }
            if (stubUnfit(classes, stubbed)) {
                continue;
            }
            return new Compilation(classes, stubbed, notes);
        }
        throw new IllegalStateException("compiling did not settle");
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

    /** Stubs each step file with errors, drops each helper with errors. */
    private static void blame(Map<Path, List<String>> errors, Sources sources, Map<Step, List<String>> stubbed,
                              List<Path> helpers, List<String> notes) {
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
            throw new IllegalStateException("compiler errors outside the student's files: " + errors);
        }
    }

    private static List<Path> files(Sources sources, Map<Step, List<String>> stubbed, List<Path> helpers, Path work)
        throws IOException {
        List<Path> files = new ArrayList<>(helpers);
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

    /** Compiles into a fresh {@code out}; @return the error messages per source file (empty = success) */
    private static Map<Path, List<String>> javac(List<Path> files, Path out) throws IOException {
        Trees.delete(out);
        Files.createDirectories(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = JAVAC.getStandardFileManager(diagnostics, Locale.ROOT,
            StandardCharsets.UTF_8)) {
            fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            fm.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
            fm.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-nowarn",
                "-Xlint:none", "-Xmaxerrs", "50", "-encoding", "UTF-8");
            Boolean ok = JAVAC.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files))
                .call();
            Map<Path, List<String>> errors = new LinkedHashMap<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                if (d.getSource() == null) {
                    throw new IllegalStateException("the compiler failed: " + d.getMessage(Locale.ROOT));
                }
                Path file = key(Path.of(d.getSource().toUri()));
                List<String> list = errors.computeIfAbsent(file, k -> new ArrayList<>());
                if (list.size() < MAX_MESSAGES) {
                    list.add("line " + d.getLineNumber() + ": " + cap(d.getMessage(Locale.ROOT)));
                }
            }
            if (!Boolean.TRUE.equals(ok) && errors.isEmpty()) {
                throw new IllegalStateException("the compiler failed without saying why");
            }
            return errors;
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static String cap(String message) {
        String one = message.replace('\r', ' ').replace('\n', ' ').replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_MESSAGE_CHARS ? one : one.substring(0, MAX_MESSAGE_CHARS) + "…";
    }

    /** The contract, read once per grader run from the stubs compiled on their own. */
    private static Contract contract() throws IOException {
        Contract c = contract;
        if (c == null) {
            synchronized (StepCompiler.class) {
                if (contract == null) {
                    Path temp = Files.createTempDirectory("cnnkit-contract");
                    try {
                        contract = Contract.fromStubs(compileStubs(temp));
                    } finally {
                        Trees.delete(temp);
                    }
                }
                c = contract;
            }
        }
        return c;
    }

    /**
     * Compiles the exercise stubs of all steps on their own.
     *
     * @param dir an empty folder
     * @return the folder of the compiled stubs ({@code dir/classes})
     * @throws IOException if the folder cannot be written
     */
    public static Path compileStubs(Path dir) throws IOException {
        List<Path> stubs = new ArrayList<>();
        for (Step step : Step.values()) {
            stubs.add(Files.writeString(dir.resolve(step.sourceFile()), Stubs.source(step)));
        }
        Map<Path, List<String>> errors = javac(stubs, dir.resolve("classes"));
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the exercise stubs do not compile: " + errors);
        }
        return dir.resolve("classes");
    }
}
