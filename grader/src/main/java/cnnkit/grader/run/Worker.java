package cnnkit.grader.run;

import cnnkit.lecture.Step;
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
 * each check as it ends. Started by {@link ForkedRunner}; one JVM may serve several submissions in turn (jobs),
 * each with a fresh {@link StudentClassLoader}, so no student class or static field carries over.
 *
 * <p>Order matters: the nonce is read from standard input and the real standard output is kept as the results
 * channel <em>before</em> any student class is loaded; standard input is replaced by an empty stream (jobs are read
 * through a reader kept privately), and per job {@code System.out}/{@code System.err} are replaced by fresh capped
 * buffers. At the end the JVM halts, so shutdown hooks cannot keep it alive or add output.
 */
public final class Worker {
    /** Bytes of the student's printing that are kept for feedback. */
    static final int OUTPUT_CAP = 16 * 1024;
    private static final Gson GSON = new Gson();

    private final PrintStream channel;
    private final String nonce;
    /** The threads of this JVM before any job: any other thread still running after a job is a stray. */
    private final Set<Thread> own = Thread.getAllStackTraces().keySet();

    private Worker(PrintStream channel, String nonce) {
        this.channel = channel;
        this.nonce = nonce;
    }

    /**
     * Standard input, one per line: the nonce, then per job: classes folder, steps (comma-separated names), check
     * ids to skip (comma-separated, may be empty). The JVM halts when standard input ends.
     *
     * @param args none
     * @throws IOException if standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Worker worker = new Worker(new PrintStream(System.out, false, StandardCharsets.UTF_8), in.readLine());
        System.setIn(new ByteArrayInputStream(new byte[0]));
        java.util.logging.LogManager.getLogManager().reset(); // the test engines' log lines are not the student's
        for (String classes; (classes = in.readLine()) != null; ) {
            List<Step> steps = new ArrayList<>();
            for (String name : split(in.readLine())) {
                steps.add(Step.byName(name).orElseThrow());
            }
            if (!worker.serve(Path.of(classes), steps, new HashSet<>(split(in.readLine())))) {
                Runtime.getRuntime().halt(1);
            }
        }
        Runtime.getRuntime().halt(0);
    }

    /**
     * Runs one job with fresh captured output and ends it with a {@code done} frame whose text says whether this JVM
     * may serve another job: not after a failure of its own, output beyond the cap, or with a stray thread still
     * running (a student call abandoned after its time limit).
     *
     * @return whether the job ran without the worker failing
     */
    private boolean serve(Path classes, List<Step> steps, Set<String> skip) {
        CappedOutput captured = new CappedOutput(OUTPUT_CAP);
        PrintStream student = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(student);
        System.setErr(student);
        boolean ok = true;
        try {
            runChecks(classes, steps, skip, captured);
        } catch (Throwable t) { // the worker's own failure: reported, never hidden
            send(new Frame(Frame.FATAL, null, null, Outcomes.describe(t)));
            ok = false;
        }
        sendOutput(captured);
        if (captured.dropped() > 0) {
            send(new Frame(Frame.OUTPUT, null, null, "\n… (" + captured.dropped() + " more bytes not kept)"));
        }
        boolean reusable = ok && captured.dropped() == 0 && !strayThreads();
        send(new Frame(Frame.DONE, null, null, reusable ? Frame.REUSABLE : null));
        return ok;
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

    /** @return whether a thread started by a job is still running after a short grace */
    private boolean strayThreads() {
        for (int tries = 0; tries < 5; tries++) {
            boolean running = Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t != Thread.currentThread()
                && !own.contains(t) && t.getState() == Thread.State.RUNNABLE);
            if (!running) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return true;
            }
        }
        return true;
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
