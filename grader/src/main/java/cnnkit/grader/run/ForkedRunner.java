package cnnkit.grader.run;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.run.CheckResult.Status;
import cnnkit.lecture.Limits;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the hidden checks of one submission in a separate JVM (a {@link Worker}) and collects the results as they
 * arrive, so untrusted code never runs in the grader's JVM.
 *
 * <p>The worker gets a memory cap, a small stack, its own empty working folder, an empty environment, a class path
 * without any other {@code cnn} classes and, where the platform allows it, its own PID and network namespaces (see
 * {@link Isolation}). Results come back on a channel the student's code cannot reach (see {@link WorkerProcess}),
 * and every frame must keep the {@link FrameRules} of its job. If the worker dies or a check does not end in time,
 * the worker is killed with everything it started, what arrived is kept, the running check is marked (TIMEOUT or
 * ERROR; "ran out of memory" for an {@link OutOfMemoryError}) and a fresh worker runs the remaining checks, a bounded
 * number of times. If a frame breaks the rules, everything that worker sent for the submission is void: it is killed
 * and a fresh worker runs the submission again; if that happens {@link #VIOLATIONS} times, the submission's checks
 * all count as failed, with the reason.
 *
 * <p>Worker JVMs may be reused (see {@link #ForkedRunner(Limits, Path, Path, int)}): a worker then serves up to a
 * given number of submissions, one after another, for the thread that started it, each with a fresh class loader,
 * fresh captured output and a fresh nonce. A worker is reused only if it shows that the job left nothing behind (see
 * {@link Leftovers}) and the submission had no incident (a timeout, a crash, a failure of the worker, output beyond
 * the cap); otherwise it is killed, and the next submission gets a fresh one.
 */
public final class ForkedRunner implements AutoCloseable {
    /**
     * Checks of one step that may time out before the step's remaining checks are skipped: each costs the per-check
     * limit. An {@link OutOfMemoryError} costs only the check it happened in (a fresh worker takes about a second);
     * the submission's own limit bounds how many.
     */
    static final int TIMEOUTS_PER_STEP = 2;

    private static final String TIMED_OUT = "did not finish in time";
    /** Workers of one submission that may break the channel's rules before its checks all count as failed. */
    static final int VIOLATIONS = 2;

    private static final String OUT_OF_MEMORY = "java.lang.OutOfMemoryError";

    /**
     * What the run gave.
     *
     * @param results   one result per check, in discovery order
     * @param output    what the student's code printed (capped), from the last worker
     * @param incidents what went wrong with workers, for the feedback (e.g. "the test JVM was stopped after 10 s")
     */
    public record Outcome(List<CheckResult> results, String output, List<String> incidents) {}

    private final Limits limits;
    private final Path sharedArchive;
    private final Path home;
    private final int jobsPerWorker;
    private final String mainClass;
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
        this(limits, sharedArchive, home, jobsPerWorker, Worker.class.getName());
    }

    /** As above, with another worker main class (tests: a worker that breaks the channel's rules). */
    ForkedRunner(Limits limits, Path sharedArchive, Path home, int jobsPerWorker, String mainClass) {
        if (jobsPerWorker < 1 || jobsPerWorker > 1 && home == null) {
            throw new IllegalArgumentException("reused workers need a folder of their own; jobsPerWorker >= 1");
        }
        this.limits = limits;
        this.sharedArchive = sharedArchive;
        this.home = home;
        this.jobsPerWorker = jobsPerWorker;
        this.mainClass = mainClass;
    }

    /**
     * @param classes the submission's compiled classes
     * @param steps   the steps whose hidden checks to run
     * @param work    this submission's private work folder
     * @return the results
     * @throws IOException if no worker can be started
     */
    public Outcome run(Path classes, Collection<Step> steps, Path work) throws IOException {
        return run(classes, Assignment.FORWARD, steps, work);
    }

    /**
     * As {@link #run(Path, Collection, Path)}, for the checks of an assignment's units in these steps' slots.
     *
     * @param assignment the assignment graded
     */
    public Outcome run(Path classes, Assignment assignment, Collection<Step> steps, Path work) throws IOException {
        Map<String, CheckResult> planned = new LinkedHashMap<>();
        Map<String, CheckResult> results = new LinkedHashMap<>();
        Map<Step, Integer> strikes = new EnumMap<>(Step.class);
        List<String> incidents = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        long deadline = System.nanoTime() + limits.submission().toNanos();
        int crashes = 0;
        int violations = 0;
        for (int attempt = 0; ; attempt++) {
            Attempt a = new Attempt(worker(work, attempt), classes, assignment, steps, results.keySet());
            a.await(deadline, planned);
            if (a.violation != null) {
                incidents.add("The test JVM sent frames that break the grader's rules (" + a.violation + "): "
                        + "everything it sent for this submission was discarded"
                        + (++violations < VIOLATIONS ? " and a fresh test JVM ran the checks again." : "."));
                if (violations >= VIOLATIONS) {
                    untrusted(planned, results, a.violation);
                    break;
                }
                continue;
            }
            a.planned.forEach(planned::putIfAbsent);
            results.putAll(a.results);
            output.append(a.output, 0, Math.max(0, Math.min(a.output.length(), Worker.OUTPUT_CAP - output.length())));
            if (a.fatal != null) {
                incidents.add("The test run failed: " + a.fatal);
            }
            if (a.finished) {
                release(a.worker, a.reusable && incidents.isEmpty());
                break;
            }
            incidents.add(a.incident);
            if (a.struck != null) {
                // A check that did not end (or ran out of memory) may leave the JVM in a bad state: it was replaced;
                // after a few timeouts, the step's remaining checks are skipped.
                boolean timedOut = a.strikeReason.equals(TIMED_OUT);
                if (timedOut && strikes.merge(a.struck, 1, Integer::sum) >= TIMEOUTS_PER_STEP) {
                    skipRest(a.struck, a.strikeReason, planned, results);
                }
            } else if (++crashes > limits.restarts() || a.running == null) {
                break;
            }
            if (System.nanoTime() >= deadline
                    || !planned.isEmpty() && results.keySet().containsAll(planned.keySet())) {
                break;
            }
        }
        List<CheckResult> ordered = new ArrayList<>();
        planned.forEach((id, plan) -> ordered.add(
                results.containsKey(id)
                        ? results.remove(id)
                        : CheckResult.notPassed(
                                id,
                                plan.step(),
                                plan.displayName(),
                                Status.NOT_RUN,
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
        alive.forEach(this::kill);
    }

    /** @return this thread's idle worker if it has one, else a fresh one */
    private WorkerProcess worker(Path work, int attempt) throws IOException {
        WorkerProcess w = idle.get();
        idle.remove();
        if (w != null && w.process.isAlive() && w.messages.isEmpty()) {
            return w;
        }
        if (w != null) {
            kill(w); // it died or spoke while idle: not to be trusted with a submission
        }
        int n = started.incrementAndGet();
        Path folder = home == null ? work.resolve("worker-" + attempt) : home.resolve("worker-" + n);
        WorkerProcess fresh = new WorkerProcess(
                folder,
                sharedArchive == null
                        ? List.of("-Xshare:auto")
                        : List.of("-XX:SharedArchiveFile=" + sharedArchive, "-XX:+VerifySharedSpaces"),
                mainClass,
                limits.startup());
        alive.add(fresh);
        return fresh;
    }

    /** Keeps a worker for this thread's next submission, or ends it (after an incident or its last job). */
    private void release(WorkerProcess w, boolean clean) {
        if (clean && ++w.jobs < jobsPerWorker && !closed) {
            idle.set(w);
        } else {
            kill(w);
        }
    }

    private void kill(WorkerProcess w) {
        alive.remove(w);
        w.kill();
    }

    private static void skipRest(
            Step step, String why, Map<String, CheckResult> planned, Map<String, CheckResult> results) {
        planned.forEach((id, plan) -> {
            if (plan.step() == step && !results.containsKey(id)) {
                results.put(
                        id,
                        CheckResult.notPassed(
                                id,
                                step,
                                plan.displayName(),
                                Status.NOT_RUN,
                                "skipped: " + TIMEOUTS_PER_STEP + " checks of " + step.className() + " " + why));
            }
        });
    }

    /** Every check of the submission fails: its workers' frames could not be trusted. */
    private static void untrusted(Map<String, CheckResult> planned, Map<String, CheckResult> results, String why) {
        Map<String, CheckResult> all = new LinkedHashMap<>(planned);
        results.forEach(all::putIfAbsent);
        results.clear();
        all.forEach((id, r) -> results.put(
                id,
                CheckResult.notPassed(
                        id,
                        r.step(),
                        r.displayName(),
                        Status.ERROR,
                        "not graded: the test JVMs of this submission sent frames that break the grader's rules (" + why
                                + "), so no result of theirs counts")));
    }

    /** One submission's job on one worker, from the request to its last frame (or the worker's death). */
    private final class Attempt {
        private final WorkerProcess worker;
        private final FrameRules rules;
        private final Map<String, CheckResult> planned = new LinkedHashMap<>();
        private final Map<String, CheckResult> results = new LinkedHashMap<>();
        private final StringBuilder output = new StringBuilder();
        private final String nonce = WorkerProcess.secret();
        private String running;
        /** The step charged for this attempt's end (a check timed out or ran out of memory), else null. */
        private Step struck;

        private String strikeReason;
        private boolean finished;
        private boolean reusable;
        private String fatal;
        private String violation;
        private String incident = "";

        Attempt(WorkerProcess worker, Path classes, Assignment assignment, Collection<Step> steps, Set<String> skip) {
            this.worker = worker;
            this.rules = new FrameRules(nonce, units(assignment, steps), skip);
            worker.send(job(nonce, classes, assignment, steps, skip));
        }

        /** Reads frames until the worker is done, dies, or stays silent too long; then kills its process tree. */
        void await(long deadline, Map<String, CheckResult> known) {
            long silence = limits.startup().toNanos();
            try {
                while (true) {
                    long wait = Math.min(System.nanoTime() + silence, deadline) - System.nanoTime();
                    WorkerProcess.Message m = wait > 0 ? worker.messages.poll(wait, TimeUnit.NANOSECONDS) : null;
                    if (m == null) {
                        timedOut(known, System.nanoTime() >= deadline);
                        return;
                    }
                    silence = limits.silence().toNanos();
                    if (m.frame() != null && WorkerProcess.EOF.equals(m.frame().type())) {
                        died(known);
                        return;
                    }
                    violation = rules.check(m.nonce(), m.frame());
                    if (violation != null) {
                        return;
                    }
                    running = rules.running();
                    if (handle(m.frame())) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                incident = "grading was interrupted";
            } finally {
                if (!finished) {
                    kill(worker);
                }
            }
        }

        /** @return whether this frame ends the attempt */
        private boolean handle(Frame f) {
            switch (f.type()) {
                case Frame.PLAN -> f.results().forEach(r -> planned.put(r.checkId(), r));
                case Frame.RESULT -> {
                    CheckResult r = f.results().get(0);
                    results.put(r.checkId(), r);
                    if (r.status() == Status.TIMEOUT) {
                        struck = r.step();
                        strikeReason = TIMED_OUT;
                        incident = "A check of " + r.step().className() + " did not finish in time; a fresh "
                                + "test JVM ran the checks after it.";
                        return true;
                    }
                }
                case Frame.OUTPUT -> {
                    String text = f.text() == null ? "" : f.text();
                    output.append(text, 0, Math.max(0, Math.min(text.length(), Worker.OUTPUT_CAP - output.length())));
                }
                case Frame.FATAL -> fatal = f.text();
                case Frame.DONE -> {
                    if (results.keySet().containsAll(planned.keySet())) {
                        finished = true;
                        reusable = fatal == null && Frame.REUSABLE.equals(f.text());
                    } else { // after a failure of the worker itself: the rest in a fresh one
                        incident = "The test JVM failed" + (running == null ? "" : " while running " + running)
                                + "; a fresh test JVM ran the checks after it.";
                        blame(running, "the test JVM failed during this check: " + fatal);
                    }
                    return true;
                }
                default -> {}
            }
            return false;
        }

        private void timedOut(Map<String, CheckResult> known, boolean wholeSubmission) {
            kill(worker);
            String limit = wholeSubmission
                    ? Limits.seconds(limits.submission()) + " for the whole submission"
                    : Limits.seconds(limits.silence());
            incident = "The test JVM was stopped after " + limit
                    + (running == null ? "." : " while running " + running + ".");
            if (running != null) {
                struck = HiddenTestRunner.stepOf(running);
                strikeReason = TIMED_OUT;
                results.put(
                        running,
                        CheckResult.notPassed(
                                running,
                                struck,
                                name(known, running),
                                Status.TIMEOUT,
                                "did not finish within " + limit
                                        + ": is there an endless loop or a very slow computation? The grader stopped it."));
            }
        }

        private void died(Map<String, CheckResult> known) {
            Process process = worker.process;
            int exit;
            try {
                process.waitFor(5, TimeUnit.SECONDS);
                exit = process.isAlive() ? -1 : process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exit = -1;
            }
            String said = worker.stderrText();
            if (said.contains(OUT_OF_MEMORY) && running != null) {
                incident = "The test JVM ran out of memory while running " + running + "; a fresh test JVM ran the "
                        + "checks after it.";
                struck = HiddenTestRunner.stepOf(running);
                strikeReason = "ran out of memory";
                results.put(
                        running,
                        CheckResult.notPassed(
                                running,
                                struck,
                                name(known, running),
                                Status.ERROR,
                                "ran out of memory (" + OUT_OF_MEMORY.substring("java.lang.".length())
                                        + ", the limit is 256 MiB): "
                                        + "does the code allocate far more than the result needs, or keep everything it made?"));
                return;
            }
            String why = "the test JVM ended unexpectedly (exit status " + exit + ")";
            incident = "T" + why.substring(1) + (running == null ? "" : " while running " + running) + "."
                    + (said.isBlank() ? "" : " It said: " + said);
            blame(
                    running,
                    why + " during this check: does the code call System.exit or Runtime.halt, "
                            + "or use up all memory?");
        }

        private void blame(String check, String message) {
            if (check != null) {
                results.put(
                        check,
                        CheckResult.notPassed(
                                check, HiddenTestRunner.stepOf(check), name(planned, check), Status.ERROR, message));
            }
        }

        private String name(Map<String, CheckResult> known, String id) {
            CheckResult plan = planned.containsKey(id) ? planned.get(id) : known.get(id);
            return plan == null ? id : plan.displayName();
        }
    }

    /** @return the lines of one job of Part 1: nonce, classes, steps, checks to skip */
    static String job(String nonce, Path classes, Collection<Step> steps, Collection<String> skip) {
        return job(nonce, classes, Assignment.FORWARD, steps, skip);
    }

    /** @return the lines of one job: nonce, classes, units (Part 1: the steps' names), checks to skip */
    static String job(
            String nonce, Path classes, Assignment assignment, Collection<Step> steps, Collection<String> skip) {
        return nonce + "\n" + classes.toAbsolutePath() + "\n"
                + String.join(",", units(assignment, steps)) + "\n"
                + String.join(",", skip) + "\n";
    }

    /** @return the units of these steps' slots, e.g. {@code MaxPoolingBackward} */
    private static List<String> units(Assignment assignment, Collection<Step> steps) {
        return steps.stream().map(s -> assignment.unit(s).orElseThrow()).toList();
    }
}
