package cnnkit.grader.run;

import cnnkit.grader.common.Assignment;
import cnnkit.lecture.Step;
import com.google.gson.Gson;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The main class of a worker JVM: runs the hidden tests of some steps against one submission's classes and reports
 * each check as it ends (through {@link PlannedRunner} where the grader was built with its plans, else through the
 * test engines). Started by {@link ForkedRunner} (through {@link WorkerProcess}); one JVM may serve several
 * submissions in turn (jobs), each with a fresh {@link StudentClassLoader}, and only while {@link Leftovers} shows
 * that the last job left nothing behind.
 *
 * <p>Order matters: before any student class is loaded the worker reads the grader's token from standard input,
 * connects to the results channel (a Unix domain socket, see {@link WorkerProcess}) and keeps it in a private field;
 * standard input is replaced by an empty stream, and per job {@code System.out}/{@code System.err} are replaced by
 * fresh capped buffers. Jobs arrive on the channel, each with a fresh nonce that all its frames carry. When the
 * channel ends the JVM halts, so shutdown hooks cannot keep it alive or add output.
 */
public final class Worker {
    /** Bytes of the student's printing that are kept for feedback. */
    static final int OUTPUT_CAP = 16 * 1024;

    private static final Gson GSON = new Gson();
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    private final OutputStream channel;
    private final Leftovers leftovers = new Leftovers();
    private String nonce;

    private Worker(OutputStream channel) {
        this.channel = channel;
    }

    /**
     * Standard input: one line, the grader's token. The argument: the channel's socket path. On the channel, per job
     * one line each: nonce, classes folder, steps (comma-separated names), check ids to skip (comma-separated, may be
     * empty). The JVM halts when the channel ends.
     *
     * @param args the channel's socket path
     * @throws IOException if the channel cannot be opened
     */
    public static void main(String[] args) throws IOException {
        String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        SocketChannel socket = SocketChannel.open(UnixDomainSocketAddress.of(args[0]));
        OutputStream channel = SocketStreams.out(socket);
        channel.write((token + "\n").getBytes(StandardCharsets.UTF_8));
        channel.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(SocketStreams.in(socket), StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        java.util.logging.LogManager.getLogManager().reset(); // the test engines' log lines are not the student's
        Worker worker = new Worker(channel);
        for (String nonce; (nonce = in.readLine()) != null; ) {
            Path classes = Path.of(in.readLine());
            List<Step> steps = new ArrayList<>();
            Assignment assignment = Assignment.FORWARD;
            for (String name : split(in.readLine())) {
                Assignment.Slot slot = Assignment.slotOf(name).orElseThrow();
                assignment = slot.assignment();
                steps.add(slot.step());
            }
            if (!worker.serve(nonce, classes, assignment, steps, new HashSet<>(split(in.readLine())))) {
                Runtime.getRuntime().halt(1);
            }
        }
        Runtime.getRuntime().halt(0);
    }

    /**
     * Runs one job with fresh captured output and ends it with a {@code done} frame whose text says whether this JVM
     * may serve another job: not after a failure of its own or anything the job left behind.
     *
     * @return whether the job ran without the worker failing
     */
    private boolean serve(String jobNonce, Path classes, Assignment assignment, List<Step> steps, Set<String> skip) {
        synchronized (this) {
            nonce = jobNonce;
        }
        CappedOutput captured = new CappedOutput(OUTPUT_CAP);
        PrintStream student = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(student);
        System.setErr(student);
        boolean ok = true;
        WeakReference<ClassLoader> loader = null;
        try {
            loader = runChecks(classes, assignment, steps, skip, captured);
        } catch (Throwable t) { // the worker's own failure: reported, never hidden
            send(new Frame(Frame.FATAL, null, null, Outcomes.describe(t)));
            ok = false;
        }
        System.setOut(NOWHERE);
        System.setErr(NOWHERE);
        sendOutput(captured);
        if (captured.dropped() > 0) {
            send(new Frame(Frame.OUTPUT, null, null, "\n… (" + captured.dropped() + " more bytes not kept)"));
        }
        // Output beyond the cap is the job's own (cut, and said so): the worker is judged by what the job left.
        String left = !ok || loader == null ? "the job failed" : leftovers.after(loader);
        send(new Frame(Frame.DONE, null, null, left == null ? Frame.REUSABLE : left));
        return ok;
    }

    /** @return a weak reference to the job's class loader, closed and otherwise unreferenced */
    private WeakReference<ClassLoader> runChecks(
            Path classes, Assignment assignment, List<Step> steps, Set<String> skip, CappedOutput captured)
            throws IOException {
        Predicate<String> include = id -> !skip.contains(id);
        Consumer<List<CheckResult>> planned = plan -> send(new Frame(Frame.PLAN, null, plan, null));
        Consumer<String> started = id -> send(new Frame(Frame.STARTED, id, null, null));
        Consumer<CheckResult> sink = result -> {
            sendOutput(captured); // as it comes: kept even if a later check ends this JVM
            send(new Frame(Frame.RESULT, null, List.of(result), null));
        };
        Optional<List<PlannedChecks.Check>> plan = PlannedChecks.read(assignment);
        try (StudentClassLoader loader = HiddenTests.loader(classes)) {
            if (plan.isPresent()) { // built with the grader: no test engine needs to start
                PlannedRunner.run(loader, plan.get(), steps, include, planned, started, sink);
            } else {
                HiddenTestRunner.run(loader, assignment, steps, include, planned, started, sink);
            }
            return new WeakReference<>(loader);
        }
    }

    private void sendOutput(CappedOutput captured) {
        String more = captured.drain();
        if (!more.isEmpty()) {
            send(new Frame(Frame.OUTPUT, null, null, more));
        }
    }

    private synchronized void send(Frame frame) {
        try {
            channel.write((nonce + " " + GSON.toJson(frame) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            Runtime.getRuntime().halt(2); // the grader is gone: nobody to report to
        }
    }

    private static List<String> split(String line) {
        if (line == null || line.isBlank()) {
            return List.of();
        }
        return Arrays.stream(line.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
