package cnnkit.grader.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.common.CheckId;
import cnnkit.grader.run.CheckResult.Status;
import cnnkit.hidden.support.CheckFailure;
import cnnkit.lecture.Limits;
import cnnkit.lecture.Step;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the hidden tests of some steps against the classes a loader provides, through the JUnit Platform Launcher
 * API, and turns every test into a {@link CheckResult}. Results are handed to a sink object in this JVM, never
 * read back from anything the student's code can print.
 *
 * <p>A check's id is {@code <Step>.<testMethodName>}: test method names are unique within a step.
 */
public final class HiddenTestRunner {
    /** Time one Jupiter check may take ({@link Limits#check()}); a jqwik property guards its calls itself. */
    private static final String CHECK_TIMEOUT = Limits.seconds(Limits.DEFAULT.check());

    /**
     * jqwik logs a warning for every hidden test class on every run because the classes carry Jupiter's
     * {@code @DisplayName} (which Jupiter reads, as intended), and an info line because its database is off.
     * Kept in a field: java.util.logging holds loggers weakly.
     */
    private static final java.util.logging.Logger JQWIK_LOG = quiet("net.jqwik");

    private HiddenTestRunner() {}

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /**
     * Lists the checks without running them.
     *
     * @param loader loads the hidden test classes (linked to some {@code cnn} classes)
     * @param steps  the steps whose checks to list
     * @return check id to display name, in discovery order
     */
    public static Map<String, CheckResult> discover(ClassLoader loader, Collection<Step> steps) {
        return discover(loader, Assignment.FORWARD, steps);
    }

    /** As {@link #discover(ClassLoader, Collection)}, for the checks of an assignment's units in these steps' slots. */
    public static Map<String, CheckResult> discover(ClassLoader loader, Assignment assignment, Collection<Step> steps) {
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(request(loader, assignment, steps, id -> true));
        Map<String, CheckResult> checks = new LinkedHashMap<>();
        for (TestIdentifier root : plan.getRoots()) {
            collect(plan, root, checks);
        }
        return checks;
    }

    /**
     * Runs the chosen checks and reports each one to {@code sink} as soon as it ends; a check that never ran
     * (e.g. its class failed to initialise) is reported as {@link Status#NOT_RUN} or with its container's error.
     *
     * @param loader  loads the hidden test classes linked to one submission's {@code cnn} classes
     * @param steps   the steps to run
     * @param include which check ids to run
     * @param sink    receives one result per check
     */
    public static void run(
            ClassLoader loader, Collection<Step> steps, Predicate<String> include, Consumer<CheckResult> sink) {
        run(loader, steps, include, id -> {}, sink);
    }

    /**
     * As {@link #run(ClassLoader, Collection, Predicate, Consumer)}, telling {@code started} the id of each check
     * as it starts (so that a process watching from outside knows which check was running if it never ends).
     */
    public static void run(
            ClassLoader loader,
            Collection<Step> steps,
            Predicate<String> include,
            Consumer<String> started,
            Consumer<CheckResult> sink) {
        run(loader, Assignment.FORWARD, steps, include, started, sink);
    }

    /** As {@link #run(ClassLoader, Collection, Predicate, Consumer, Consumer)}, for an assignment's units. */
    public static void run(
            ClassLoader loader,
            Assignment assignment,
            Collection<Step> steps,
            Predicate<String> include,
            Consumer<String> started,
            Consumer<CheckResult> sink) {
        run(loader, assignment, steps, include, plan -> {}, started, sink);
    }

    /**
     * As {@link #run(ClassLoader, Assignment, Collection, Predicate, Consumer, Consumer)}, first telling
     * {@code planned} which checks will run (each as {@link Status#NOT_RUN}, in discovery order): one discovery
     * serves both, so a worker need not discover a submission's checks twice.
     */
    public static void run(
            ClassLoader loader,
            Assignment assignment,
            Collection<Step> steps,
            Predicate<String> include,
            Consumer<List<CheckResult>> planned,
            Consumer<String> started,
            Consumer<CheckResult> sink) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Launcher launcher = LauncherFactory.create();
            LauncherDiscoveryRequest request = request(loader, assignment, steps, include);
            TestPlan plan = launcher.discover(request);
            Map<String, CheckResult> pending = new LinkedHashMap<>();
            for (TestIdentifier root : plan.getRoots()) {
                collect(plan, root, pending);
            }
            planned.accept(List.copyOf(pending.values()));
            launcher.execute(plan, new Listener(pending, started, sink));
            pending.values().forEach(sink); // never started: report so nothing is silently lost
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static LauncherDiscoveryRequest request(
            ClassLoader loader, Assignment assignment, Collection<Step> steps, Predicate<String> include) {
        List<org.junit.platform.engine.DiscoverySelector> selectors = new ArrayList<>();
        for (Step step : steps) {
            String name = HiddenTests.className(assignment, step);
            try {
                selectors.add(selectClass(Class.forName(name, false, loader)));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("hidden test class missing: " + name, e);
            }
        }
        PostDiscoveryFilter byId = descriptor -> descriptor
                .getSource()
                .flatMap(HiddenTestRunner::checkId)
                .map(id -> FilterResult.includedIf(include.test(id)))
                .orElse(FilterResult.included("container"));
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(byId)
                .configurationParameter("junit.jupiter.execution.timeout.default", CHECK_TIMEOUT)
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .configurationParameter("jqwik.database", "")
                .configurationParameter("jqwik.reporting.onlyfailures", "true")
                .configurationParameter("jqwik.reporting.usejunitplatform", "true") // reports as events, not on stdout
                .configurationParameter("junit.platform.output.capture.stdout", "false")
                .build();
    }

    private static void collect(TestPlan plan, TestIdentifier node, Map<String, CheckResult> out) {
        if (node.isTest()) {
            checkId(node.getSource().orElse(null))
                    .ifPresent(id -> out.put(
                            id,
                            CheckResult.notPassed(
                                    id, stepOf(id), node.getDisplayName(), Status.NOT_RUN, "this check did not run")));
        }
        for (TestIdentifier child : plan.getChildren(node)) {
            collect(plan, child, out);
        }
    }

    /** @return the check id ({@link CheckId}) of a test method of a hidden test class (nested classes included) */
    static Optional<String> checkId(TestSource source) {
        if (!(source instanceof MethodSource m)) {
            return Optional.empty();
        }
        return CheckId.ofTestMethod(m.getClassName(), m.getMethodName()).map(CheckId::toString);
    }

    static Step stepOf(String checkId) {
        return CheckId.parse(checkId)
                .orElseThrow(() -> new IllegalStateException("no step for check " + checkId))
                .step();
    }

    /**
     * @param failure what the check threw, or null if it passed
     * @return the check's result: what a {@link CheckFailure} says, a timeout, an assertion's message, or the
     *     exception in the student's terms
     */
    static CheckResult outcome(String check, String name, Throwable failure) {
        Step step = stepOf(check);
        if (failure == null) {
            return new CheckResult(check, step, name, Status.PASSED, "", "", "", "", "");
        }
        if (failure instanceof CheckFailure f) {
            return new CheckResult(
                    check,
                    step,
                    name,
                    Status.FAILED,
                    f.getMessage(),
                    f.input(),
                    f.expected(),
                    f.actual(),
                    f.misconception());
        }
        if (failure instanceof TimeoutException || Outcomes.causedByTimeout(failure)) {
            return CheckResult.notPassed(
                    check,
                    step,
                    name,
                    Status.TIMEOUT,
                    "did not finish within " + CHECK_TIMEOUT + ": is there an endless loop?");
        }
        if (failure instanceof AssertionError) {
            return CheckResult.notPassed(check, step, name, Status.FAILED, String.valueOf(failure.getMessage()));
        }
        return CheckResult.notPassed(check, step, name, Status.ERROR, Outcomes.describe(failure));
    }

    /** Turns the Launcher's events into check results. */
    private static final class Listener implements TestExecutionListener {
        private final Map<String, CheckResult> pending;
        private final Consumer<String> started;
        private final Consumer<CheckResult> sink;

        Listener(Map<String, CheckResult> pending, Consumer<String> started, Consumer<CheckResult> sink) {
            this.pending = pending;
            this.started = started;
            this.sink = sink;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            checkId(id.getSource().orElse(null)).ifPresent(started);
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            checkId(id.getSource().orElse(null))
                    .ifPresent(check -> report(
                            check,
                            CheckResult.notPassed(check, stepOf(check), id.getDisplayName(), Status.NOT_RUN, reason)));
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            Optional<String> check = checkId(id.getSource().orElse(null));
            if (check.isEmpty()) {
                // A container (test class) that failed, e.g. in a static initialiser: its checks are reported
                // below with this reason instead of "did not run".
                result.getThrowable().ifPresent(t -> failPendingUnder(id, t));
                return;
            }
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                report(check.get(), outcome(check.get(), id.getDisplayName(), null));
            } else {
                Throwable failure = result.getThrowable().orElse(null);
                report(
                        check.get(),
                        failure == null
                                ? CheckResult.notPassed(
                                        check.get(),
                                        stepOf(check.get()),
                                        id.getDisplayName(),
                                        Status.ERROR,
                                        Outcomes.describe(null))
                                : outcome(check.get(), id.getDisplayName(), failure));
            }
        }

        private void failPendingUnder(TestIdentifier container, Throwable t) {
            String reason = Outcomes.describe(t);
            pending.replaceAll((k, v) -> v.status() == Status.NOT_RUN
                    ? CheckResult.notPassed(k, v.step(), v.displayName(), Status.ERROR, reason)
                    : v);
        }

        private void report(String check, CheckResult r) {
            pending.remove(check);
            sink.accept(r);
        }
    }
}
