package cnnkit.grader.compile;

import cnnkit.grader.common.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The one place the JDK's compiler is called: in this JVM for trusted sources (the stubs, a learner's own code on
 * their own machine), in a compiler JVM of its own for students' ({@link JavacServer}). It needs nothing but the
 * JDK, so the learners' jar can hold it without the compiler JVM's protocol.
 */
final class JdkCompiler {
    /** Compiler messages quoted per file. */
    static final int MAX_MESSAGES = 5;

    private static final int MAX_MESSAGE_CHARS = 300;
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    /** -g: a NullPointerException's message names the student's variable ("featureMap"), not "<local4>". */
    static final List<String> OPTIONS = List.of(
            "--release",
            "17",
            "-g",
            "-proc:none",
            "-implicit:none",
            "-nowarn",
            "-Xlint:none",
            "-Xmaxerrs",
            "50",
            "-encoding",
            "UTF-8");

    private JdkCompiler() {}

    /**
     * Compiles in this JVM, into a fresh {@code out}; see {@link Javac#compile}.
     *
     * @param files the source files
     * @param out   the folder for the classes
     * @return the error messages per source file (empty = success)
     * @throws IOException if {@code out} cannot be written
     */
    static Map<Path, List<String>> compile(List<Path> files, Path out) throws IOException {
        return compile(files, out, null);
    }

    /**
     * As {@link #compile(List, Path)}, on a reused compiler context.
     *
     * @param files    the source files
     * @param out      the folder for the classes
     * @param contexts javac's pool of contexts, or null for a fresh task
     * @return the error messages per source file (empty = success)
     * @throws IOException if {@code out} cannot be written
     */
    static Map<Path, List<String>> compile(List<Path> files, Path out, ReusedContexts contexts) throws IOException {
        Trees.delete(out);
        Files.createDirectories(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Boolean ok;
        if (contexts != null) {
            ok = contexts.compile(files, out, diagnostics);
        } else {
            try (StandardJavaFileManager fm = fileManager(diagnostics)) {
                locations(fm, out);
                ok = JAVAC.getTask(null, fm, diagnostics, OPTIONS, null, fm.getJavaFileObjectsFromPaths(files))
                        .call();
            }
        }
        return errors(ok, diagnostics);
    }

    /** @return a file manager that reports to {@code diagnostics} */
    static StandardJavaFileManager fileManager(DiagnosticListener<? super JavaFileObject> diagnostics) {
        return JAVAC.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
    }

    /** Points the file manager at {@code out} for classes, and at nothing else (only the given files count). */
    static void locations(StandardJavaFileManager fm, Path out) throws IOException {
        fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
        fm.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
        fm.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
    }

    private static Map<Path, List<String>> errors(Boolean ok, DiagnosticCollector<JavaFileObject> diagnostics) {
        Map<Path, List<String>> errors = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            if (d.getSource() == null) {
                throw new IllegalStateException("the compiler failed: " + d.getMessage(Locale.ROOT));
            }
            Path file = Path.of(d.getSource().toUri()).toAbsolutePath().normalize();
            List<String> list = errors.computeIfAbsent(file, k -> new ArrayList<>());
            if (list.size() < MAX_MESSAGES) {
                list.add("line " + d.getLineNumber() + ": " + oneLine(d.getMessage(Locale.ROOT)));
            }
        }
        if (!Boolean.TRUE.equals(ok) && errors.isEmpty()) {
            throw new IllegalStateException("the compiler failed without saying why");
        }
        return errors;
    }

    private static String oneLine(String message) {
        String one = message.replace('\r', ' ')
                .replace('\n', ' ')
                .replaceAll("\\s+", " ")
                .strip();
        return one.length() <= MAX_MESSAGE_CHARS ? one : one.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
