package cnnkit.grader.compile;

import com.google.gson.Gson;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiler JVM's main: {@link JdkCompiler} behind a line protocol. Students' sources are compiled in a JVM
 * of their own ({@link JavacProcess} starts it with a memory cap and stops it after a time limit), because javac can
 * be made to take minutes and gigabytes: type inference over a few nested generic calls grows exponentially.
 *
 * <p>Protocol: one request per line on standard input, {@code {"files":[...],"out":"..."}}; one answer per line on
 * standard output, {@code {"errors":{"<file>":["line 3: ..."]},"failure":null}}. Anything the compiler itself
 * prints goes to standard error. After an {@link Error} (out of stack, out of memory) it answers and exits: its state
 * is no longer to be trusted.
 */
public final class JavacServer {
    private static final Gson GSON = new Gson();

    /** One request: compile these files into that folder. */
    record Request(List<String> files, String out) {}

    /**
     * One answer.
     *
     * @param errors  messages per source file (empty: compiled)
     * @param failure why the compiler failed outside the sources, or null
     * @param stopped true if this JVM is about to exit (after an error such as StackOverflowError)
     * @param reused  true if javac compiled with its pool of reused contexts ({@link ReusedContexts})
     */
    record Answer(Map<String, List<String>> errors, String failure, boolean stopped, boolean reused) {}

    private JavacServer() {}

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
        ReusedContexts contexts = ReusedContexts.open();
        for (String line; (line = requests.readLine()) != null; ) {
            Answer answer;
            try {
                Request r = GSON.fromJson(line, Request.class);
                Map<String, List<String>> errors = new LinkedHashMap<>();
                JdkCompiler.compile(r.files().stream().map(Path::of).toList(), Path.of(r.out()), contexts)
                        .forEach((file, messages) -> errors.put(file.toString(), messages));
                answer = new Answer(errors, null, false, contexts != null);
            } catch (IOException | RuntimeException e) {
                answer = new Answer(Map.of(), e.toString(), false, false);
                if (contexts != null) { // a context javac failed in is not reused
                    contexts.close();
                    contexts = ReusedContexts.open();
                }
            } catch (StackOverflowError e) {
                answer = new Answer(
                        Map.of(), "the compiler ran out of stack (are expressions nested very deeply?)", true, false);
            }
            answers.println(GSON.toJson(answer));
            if (answer.stopped()) {
                System.exit(3);
            }
        }
    }
}
