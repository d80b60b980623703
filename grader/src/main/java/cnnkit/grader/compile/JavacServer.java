package cnnkit.grader.compile;

import cnnkit.grader.common.Trees;
import com.google.gson.Gson;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
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
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The compiler JVM's main, and the one place the JDK's compiler is called. Students' sources are compiled in a JVM
 * of their own ({@link JavacProcess} starts it with a memory cap and stops it after a time limit), because javac can
 * be made to take minutes and gigabytes: type inference over a few nested generic calls grows exponentially.
 *
 * <p>Protocol: one request per line on standard input, {@code {"files":[...],"out":"..."}}; one answer per line on
 * standard output, {@code {"errors":{"<file>":["line 3: ..."]},"failure":null}}. Anything the compiler itself
 * prints goes to standard error. After an {@link Error} (out of stack, out of memory) it answers and exits: its state
 * is no longer to be trusted.
 */
public final class JavacServer {
    /** Compiler messages quoted per file. */
    public static final int MAX_MESSAGES = 5;
    private static final int MAX_MESSAGE_CHARS = 300;
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    private static final Gson GSON = new Gson();

    /** One request: compile these files into that folder. */
    record Request(List<String> files, String out) {
    }

    /**
     * One answer.
     *
     * @param errors  messages per source file (empty: compiled)
     * @param failure why the compiler failed outside the sources, or null
     * @param stopped true if this JVM is about to exit (after an error such as StackOverflowError)
     */
    record Answer(Map<String, List<String>> errors, String failure, boolean stopped) {
    }

    private JavacServer() {
    }

    /**
     * Serves requests until standard input ends.
     *
     * @param args none
     * @throws IOException if standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = requests.readLine()) != null; ) {
            Answer answer;
            try {
                Request r = GSON.fromJson(line, Request.class);
                Map<String, List<String>> errors = new LinkedHashMap<>();
                compileHere(r.files().stream().map(Path::of).toList(), Path.of(r.out()))
                    .forEach((file, messages) -> errors.put(file.toString(), messages));
                answer = new Answer(errors, null, false);
            } catch (IOException | RuntimeException e) {
                answer = new Answer(Map.of(), e.toString(), false);
            } catch (StackOverflowError e) {
                answer = new Answer(Map.of(), "the compiler ran out of stack (are expressions nested very deeply?)",
                    true);
            }
            answers.println(GSON.toJson(answer));
            if (answer.stopped()) {
                System.exit(3);
            }
        }
    }

    /**
     * Compiles in this JVM, into a fresh {@code out}; see {@link Javac#compile}.
     *
     * @param files the source files
     * @param out   the folder for the classes
     * @return the error messages per source file (empty = success)
     * @throws IOException if {@code out} cannot be written
     */
    static Map<Path, List<String>> compileHere(List<Path> files, Path out) throws IOException {
        Trees.delete(out);
        Files.createDirectories(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = JAVAC.getStandardFileManager(diagnostics, Locale.ROOT,
            StandardCharsets.UTF_8)) {
            fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            fm.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
            fm.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            // -g: a NullPointerException's message names the student's variable ("featureMap"), not "<local4>"
            List<String> options = List.of("--release", "17", "-g", "-proc:none", "-implicit:none", "-nowarn",
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
    }

    private static String oneLine(String message) {
        String one = message.replace('\r', ' ').replace('\n', ' ').replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_MESSAGE_CHARS ? one : one.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
