package cnnkit.grader.run;

import cnnkit.grader.Step;
import com.google.gson.Gson;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The main class of a worker JVM: runs the hidden tests of some steps against one submission's classes and reports
 * each check as it ends. Started by {@link ForkedRunner}, one JVM per submission (a fresh one after a crash).
 *
 * <p>Order matters: the request (nonce, classes, steps, checks to skip) is read from standard input and the real
 * standard output is kept as the results channel <em>before</em> any student class is loaded; then
 * {@code System.out}/{@code System.err} are replaced by capped buffers and standard input by an empty stream. At the
 * end the JVM halts, so threads or shutdown hooks a student left behind cannot keep it alive or add output.
 */
public final class Worker {
    /** Bytes of the student's printing that are kept for feedback. */
    static final int OUTPUT_CAP = 16 * 1024;
    private static final Gson GSON = new Gson();

    private final PrintStream channel;
    private final String nonce;

    private Worker(PrintStream channel, String nonce) {
        this.channel = channel;
        this.nonce = nonce;
    }

    /**
     * Standard input, one per line: nonce, classes folder, steps (comma-separated names), check ids to skip
     * (comma-separated, may be empty).
     *
     * @param args none
     * @throws IOException if standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String nonce = in.readLine();
        Path classes = Path.of(in.readLine());
        List<Step> steps = new ArrayList<>();
        for (String name : split(in.readLine())) {
            steps.add(Step.byName(name).orElseThrow());
        }
        Set<String> skip = new HashSet<>(split(in.readLine()));

        Worker worker = new Worker(new PrintStream(System.out, false, StandardCharsets.UTF_8), nonce);
        CappedOutput captured = new CappedOutput(OUTPUT_CAP);
        PrintStream student = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(student);
        System.setErr(student);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        java.util.logging.LogManager.getLogManager().reset(); // the test engines' log lines are not the student's
        int status = 0;
        try {
            worker.runChecks(classes, steps, skip, captured);
        } catch (Throwable t) { // the worker's own failure: reported, never hidden
            worker.send(new Frame(Frame.FATAL, null, null, Outcomes.describe(t)));
            status = 1;
        }
        worker.sendOutput(captured);
        if (captured.dropped() > 0) {
            worker.send(new Frame(Frame.OUTPUT, null, null, "\n… (" + captured.dropped() + " more bytes not kept)"));
        }
        worker.send(new Frame(Frame.DONE, null, null, null));
        Runtime.getRuntime().halt(status);
    }

    private void runChecks(Path classes, List<Step> steps, Set<String> skip, CappedOutput captured)
        throws IOException {
        try (StudentClassLoader loader = StudentClassLoader.forHiddenTests(classes)) {
            List<CheckResult> plan = HiddenTestRunner.discover(loader, steps).values().stream()
                .filter(r -> !skip.contains(r.checkId())).toList();
            send(new Frame(Frame.PLAN, null, plan, null));
            HiddenTestRunner.run(loader, steps, id -> !skip.contains(id),
                id -> send(new Frame(Frame.STARTED, id, null, null)),
                result -> {
                    sendOutput(captured); // as it comes: kept even if a later check ends this JVM
                    send(new Frame(Frame.RESULT, null, List.of(result), null));
                });
        }
    }

    private void sendOutput(CappedOutput captured) {
        String more = captured.drain();
        if (!more.isEmpty()) {
            send(new Frame(Frame.OUTPUT, null, null, more));
        }
    }

    private synchronized void send(Frame frame) {
        channel.print(nonce + " " + GSON.toJson(frame) + "\n");
        channel.flush();
    }

    private static List<String> split(String line) {
        if (line == null || line.isBlank()) {
            return List.of();
        }
        return Arrays.stream(line.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
