package cnnkit.grader.run;

import cnnkit.lecture.Step;
import cnnkit.grader.run.CheckResult.Status;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs the hidden checks of one submission in a separate JVM (a {@link Worker}) and collects the results as they
 * arrive, so untrusted code never runs in the grader's JVM.
 *
 * <p>The worker gets a memory cap, a small stack, its own empty working folder, an empty environment and a class
 * path without any other {@code cnn} classes. Results come back only as lines framed with a random nonce (see
 * {@link Frame}). If the worker dies or a check does not end in time, the whole process tree is killed, what arrived
 * is kept, the running check is marked (TIMEOUT or ERROR) and a fresh worker runs the remaining checks, a bounded
 * number of times.
 *
 * <p>Worker JVMs may be reused (see {@link #ForkedRunner(Limits, Path, Path, int)}): a worker then serves up to a
 * given number of submissions, one after another, for the thread that started it, each with a fresh class loader
 * and fresh captured output. A worker is never reused after a submission that had any incident (a timeout, a crash,
 * a failure of the worker, output beyond the cap): it is killed, and the next submission gets a fresh one.
 */
public final class ForkedRunner implements AutoCloseable {
    private static final Gson GSON = new Gson();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LINE = 1 << 20;
    private static final int STDERR_KEPT = 4096;
    private static final String EOF = "eof";
    /** Checks of one step that may time out before the step's remaining checks are skipped. */
    static final int TIMEOUTS_PER_STEP = 2;

    /**
     * Time and restart limits.
     *
     * @param startup    longest wait for a fresh worker's first frame
     * @param check      longest silence while a check runs
     * @param submission longest time all of one submission's checks may take, restarts included
     * @param restarts   fresh workers started after a crash or a timeout
     */
    public record Limits(Duration startup, Duration check, Duration submission, int restarts) {
        /** 30 s to start, 10 s per check, 120 s per submission, 3 restarts. */
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ofSeconds(120), 3);
    }

    /**
     * What the run gave.
     *
     * @param results   one result per check, in discovery order
     * @param output    what the student's code printed (capped), from the last worker
     * @param incidents what went wrong with workers, for the feedback (e.g. "the test JVM was stopped after 10 s")
     */
    public record Outcome(List<CheckResult> results, String output, List<String> incidents) {
    }

    private final Limits limits;
    private final Path sharedArchive;
    private final Path home;
    private final int jobsPerWorker;
    /** The worker each grading thread may reuse: never shared between threads. */
    private final ThreadLocal<WorkerProcess> idle = new ThreadLocal<>();
    private final Set<WorkerProcess> alive = ConcurrentHashMap.newKeySet();
    private final AtomicInteger started = new AtomicInteger();
    private volatile boolean closed;

    /** @param limits time and restart limits */
    public ForkedRunner(Limits limits) {
        this(limits, null);
    }

    /**
     * A runner that starts a fresh worker JVM for every submission, in a folder inside the submission's work folder.
     *
     * @param limits        time and restart limits
     * @param sharedArchive a class-data archive the workers start from (see {@link WorkerArchive}), or null
     */
    public ForkedRunner(Limits limits, Path sharedArchive) {
        this(limits, sharedArchive, null, 1);
    }

    /**
     * A runner whose workers each serve up to {@code jobsPerWorker} submissions; {@link #close()} ends them.
     *
     * @param limits        time and restart limits
     * @param sharedArchive a class-data archive the workers start from (see {@link WorkerArchive}), or null
     * @param home          a private folder for the workers' own folders (null: inside each submission's folder,
     *                      which only suits workers that serve one submission)
     * @param jobsPerWorker submissions one worker JVM serves before it is replaced (1: no reuse)
     */
    public ForkedRunner(Limits limits, Path sharedArchive, Path home, int jobsPerWorker) {
        if (jobsPerWorker < 1 || jobsPerWorker > 1 && home == null) {
            throw new IllegalArgumentException("reused workers need a folder of their own; jobsPerWorker >= 1");
        }
        this.limits = limits;
        this.sharedArchive = sharedArchive;
        this.home = home;
        this.jobsPerWorker = jobsPerWorker;
    }

    /**
     * @param classes the submission's compiled classes
     * @param steps   the steps whose hidden checks to run
     * @param work    this submission's private work folder
     * @return the results
     * @throws IOException if no worker can be started
     */
    public Outcome run(Path classes, Collection<Step> steps, Path work) throws IOException {
        Map<String, CheckResult> planned = new LinkedHashMap<>();
        Map<String, CheckResult> results = new LinkedHashMap<>();
        Map<Step, Integer> timeouts = new EnumMap<>(Step.class);
        List<String> incidents = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        long deadline = System.nanoTime() + limits.submission().toNanos();
        int crashes = 0;
        for (int attempt = 0; ; attempt++) {
            Attempt a = new Attempt(worker(work, attempt), classes, steps, results.keySet());
            a.await(deadline, planned, results, output);
            if (a.fatal != null) {
                incidents.add("The test run failed: " + a.fatal);
            }
            if (a.finished) {
                release(a.worker, a.reusable && incidents.isEmpty());
                break;
            }
            incidents.add(a.incident);
            if (a.timedOut != null) {
                // A check that did not end may leave a thread spinning: the JVM was replaced so it cannot slow
                // down the next checks; after a few, the step's remaining checks are skipped.
                if (timeouts.merge(a.timedOut, 1, Integer::sum) >= TIMEOUTS_PER_STEP) {
                    skipRest(a.timedOut, planned, results);
                }
            } else if (++crashes > limits.restarts() || a.running == null) {
                break;
            }
            if (System.nanoTime() >= deadline || !planned.isEmpty() && results.keySet().containsAll(planned.keySet())) {
                break;
            }
        }
        List<CheckResult> ordered = new ArrayList<>();
        planned.forEach((id, plan) -> ordered.add(results.containsKey(id) ? results.remove(id)
            : CheckResult.notPassed(id, plan.step(), plan.displayName(), Status.NOT_RUN,
                "did not run: the test run was stopped before this check (see above)")));
        ordered.addAll(results.values());
        return new Outcome(ordered, output.toString(), incidents);
    }

    /** @return how many worker JVMs this runner has started */
    int workersStarted() {
        return started.get();
    }

    /** Ends every worker still running; a submission still being graded ends its worker when it is done. */
    @Override
    public void close() {
        closed = true;
        alive.forEach(WorkerProcess::kill);
    }

    /** @return this thread's idle worker if it has one, else a fresh one */
    private WorkerProcess worker(Path work, int attempt) throws IOException {
        WorkerProcess w = idle.get();
        idle.remove();
        if (w != null && w.process.isAlive() && w.frames.isEmpty()) {
            return w;
        }
        if (w != null) {
            w.kill(); // it died or spoke while idle: not to be trusted with a submission
        }
        int n = started.incrementAndGet();
        return new WorkerProcess(home == null ? work.resolve("worker-" + attempt) : home.resolve("worker-" + n));
    }

    /** Keeps a worker for this thread's next submission, or ends it (after an incident or its last job). */
    private void release(WorkerProcess w, boolean clean) {
        if (clean && ++w.jobs < jobsPerWorker && !closed) {
            idle.set(w);
        } else {
            w.kill();
        }
    }

    private static void skipRest(Step step, Map<String, CheckResult> planned, Map<String, CheckResult> results) {
        planned.forEach((id, plan) -> {
            if (plan.step() == step && !results.containsKey(id)) {
                results.put(id, CheckResult.notPassed(id, step, plan.displayName(), Status.NOT_RUN, "skipped: "
                    + TIMEOUTS_PER_STEP + " checks of " + step.className() + " did not finish in time"));
            }
        });
    }

    /** One worker JVM and its channel: the nonce, the frames it sent, what it wrote on standard error. */
    private final class WorkerProcess {
        private final String nonce = HexFormat.of().formatHex(randomBytes());
        private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private final Process process;
        private final OutputStream stdin;
        private int jobs;

        WorkerProcess(Path folder) throws IOException {
            Path tmp = Files.createDirectories(folder.resolve("tmp"));
            process = start(folder, tmp, sharedArchive == null ? List.of("-Xshare:auto")
                : List.of("-XX:SharedArchiveFile=" + sharedArchive, "-XX:+VerifySharedSpaces"));
            alive.add(this);
            stdin = process.getOutputStream();
            Thread out = new Thread(() -> readFrames(process.getInputStream()), "worker-stdout");
            Thread err = new Thread(() -> keep(process.getErrorStream(), stderr), "worker-stderr");
            out.setDaemon(true);
            err.setDaemon(true);
            out.start();
            err.start();
            send(nonce + "\n");
        }

        /** Sends a job (or the nonce); a worker that died before reading it is reported as a death later. */
        void send(String lines) {
            try {
                stdin.write(lines.getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            } catch (IOException e) {
                // reported as a death by the frame reader's end-of-stream
            }
        }

        private void readFrames(InputStream in) {
            String prefix = nonce + " ";
            try (InputStream buffered = new java.io.BufferedInputStream(in)) {
                for (String line; (line = readLine(buffered)) != null; ) {
                    if (!line.startsWith(prefix)) {
                        continue; // not from the worker: ignored, whatever it says
                    }
                    try {
                        Frame f = GSON.fromJson(line.substring(prefix.length()), Frame.class);
                        if (f != null && f.type() != null) {
                            frames.add(f);
                        }
                    } catch (JsonParseException e) {
                        // a framed line is always well formed; a broken one is dropped
                    }
                }
            } catch (IOException e) {
                // the stream ends when the process does
            }
            frames.add(new Frame(EOF, null, null, null));
        }

        /** Kills the worker's whole process tree. */
        void kill() {
            alive.remove(this);
            ProcessHandle handle = process.toHandle();
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private String stderrText() {
            synchronized (stderr) {
                return stderr.toString(StandardCharsets.UTF_8).strip();
            }
        }
    }

    /** One submission's job on one worker, from the request to its last frame (or the worker's death). */
    private final class Attempt {
        private final WorkerProcess worker;
        private final BlockingQueue<Frame> frames;
        private final Process process;
        private String running;
        private Step timedOut;
        private boolean finished;
        private boolean reusable;
        private String fatal;
        private String incident = "";

        Attempt(WorkerProcess worker, Path classes, Collection<Step> steps, Set<String> skip) {
            this.worker = worker;
            this.frames = worker.frames;
            this.process = worker.process;
            worker.send(job(classes, steps, skip));
        }

        /** Reads frames until the worker is done, dies, or stays silent too long; then kills its process tree. */
        void await(long deadline, Map<String, CheckResult> planned, Map<String, CheckResult> results,
                   StringBuilder output) {
            long silence = limits.startup().toNanos();
            try {
                while (true) {
                    long wait = Math.min(System.nanoTime() + silence, deadline) - System.nanoTime();
                    Frame f = wait > 0 ? frames.poll(wait, TimeUnit.NANOSECONDS) : null;
                    if (f == null) {
                        timedOut(results, planned, System.nanoTime() >= deadline);
                        return;
                    }
                    silence = limits.check().toNanos();
                    switch (f.type()) {
                        case Frame.PLAN -> {
                            if (f.results() != null) {
                                f.results().forEach(r -> planned.putIfAbsent(r.checkId(), r));
                            }
                        }
                        case Frame.STARTED -> running = f.check();
                        case Frame.RESULT -> {
                            if (f.results() == null || f.results().isEmpty()) {
                                continue;
                            }
                            CheckResult r = f.results().get(0);
                            results.put(r.checkId(), r);
                            running = null;
                            if (r.status() == Status.TIMEOUT) {
                                timedOut = r.step();
                                incident = "A check of " + r.step().className() + " did not finish in time; a fresh "
                                    + "test JVM ran the checks after it.";
                                return;
                            }
                        }
                        case Frame.OUTPUT -> {
                            String text = f.text() == null ? "" : f.text();
                            output.append(text, 0, Math.max(0, Math.min(text.length(),
                                Worker.OUTPUT_CAP - output.length())));
                        }
                        case Frame.FATAL -> fatal = f.text();
                        case Frame.DONE -> {
                            finished = true;
                            reusable = fatal == null && Frame.REUSABLE.equals(f.text());
                            return;
                        }
                        case EOF -> {
                            died(results, planned);
                            return;
                        }
                        default -> { }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                incident = "grading was interrupted";
            } finally {
                if (!finished) {
                    worker.kill();
                }
            }
        }

        private void timedOut(Map<String, CheckResult> results, Map<String, CheckResult> planned,
                              boolean wholeSubmission) {
            worker.kill();
            String limit = wholeSubmission ? limits.submission().toSeconds() + " s for the whole submission"
                : limits.check().toSeconds() + " s";
            incident = "The test JVM was stopped after " + limit + (running == null ? "." : " while running "
                + running + ".");
            if (running != null) {
                timedOut = HiddenTestRunner.stepOf(running);
                results.put(running, CheckResult.notPassed(running, timedOut, name(planned, running),
                    Status.TIMEOUT, "did not finish within " + limit
                        + ": is there an endless loop or a very slow computation? The grader stopped it."));
            }
        }

        private void died(Map<String, CheckResult> results, Map<String, CheckResult> planned) {
            int exit;
            try {
                process.waitFor(5, TimeUnit.SECONDS);
                exit = process.isAlive() ? -1 : process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exit = -1;
            }
            String why = "the test JVM ended unexpectedly (exit status " + exit + ")";
            incident = "T" + why.substring(1) + (running == null ? "" : " while running " + running) + "."
                + (worker.stderrText().isBlank() ? "" : " It said: " + worker.stderrText());
            if (running != null) {
                results.put(running, CheckResult.notPassed(running, HiddenTestRunner.stepOf(running),
                    name(planned, running),
                    Status.ERROR, why + " during this check: does the code call System.exit or Runtime.halt, "
                        + "or use up all memory?"));
            }
        }
    }

    /**
     * Starts a worker JVM: memory cap, small stack, quick start-up flags, an empty environment, its own folder.
     *
     * @param folder its working folder
     * @param tmp    its temporary folder (and home)
     * @param extra  more JVM flags
     */
    static Process start(Path folder, Path tmp, List<String> extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-Xss1m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
            "-Djava.io.tmpdir=" + tmp.toAbsolutePath(), "-Duser.home=" + tmp.toAbsolutePath(),
            "-Dfile.encoding=UTF-8"));
        cmd.addAll(extra);
        cmd.addAll(List.of("-cp", WorkerClassPath.get(), Worker.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(folder.toFile());
        pb.environment().clear();
        return pb.start();
    }

    /** @return the first request lines a worker reads: nonce, then one job */
    static String request(String nonce, Path classes, Collection<Step> steps, Collection<String> skip) {
        return nonce + "\n" + job(classes, steps, skip);
    }

    /** @return the lines of one job: classes, steps, checks to skip */
    static String job(Path classes, Collection<Step> steps, Collection<String> skip) {
        return classes.toAbsolutePath() + "\n"
            + steps.stream().map(Step::className).collect(Collectors.joining(",")) + "\n"
            + String.join(",", skip) + "\n";
    }

    private static String name(Map<String, CheckResult> planned, String id) {
        CheckResult plan = planned.get(id);
        return plan == null ? id : plan.displayName();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    /** @return the next line (without the newline), lines longer than {@link #MAX_LINE} cut; null at the end */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    private static void keep(InputStream in, ByteArrayOutputStream kept) {
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (kept) {
                    kept.write(buffer, 0, Math.max(0, Math.min(n, STDERR_KEPT - kept.size())));
                }
            }
        } catch (IOException e) {
            // ends with the process
        }
    }
}
