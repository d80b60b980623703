package cnnkit.summary;

import cnnkit.lecture.Step;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, after the tests, what a student needs and nothing else: each failed check once, with its sentence and, when
 * your code threw, the lines of your code ({@link FailureText}); then one line per step of the lecture: how many of
 * its public checks pass, and whether the step is "not started", "in progress" or "public checks pass" — a map of
 * your progress instead of a wall of stack traces.
 *
 * <pre>
 *   Step       Class                  Checks    Progress by step (public tests)
 *   Step 1     Convolution              7 / 7   public checks pass
 *   Step 1(b)  Relu                     2 / 5   in progress
 *   Step 2     MaxPooling               0 / 5   not started
 *   ...
 *   Back 2     MaxPoolingBackward       0 / 5   not started
 *   ...
 *   Train      Training                 0 / 9   not started
 * </pre>
 *
 * <p>A test belongs to the step whose class name its test class starts with ({@code ConvolutionTest} → Step 1). A
 * step is "not started" while it passes nothing and every failure is the stub's "not implemented"
 * {@link UnsupportedOperationException}; those failures are counted, not printed. Failures are printed in lecture
 * order whatever order the classes ran in; of a step's failures the first is printed in full, the next
 * {@value #BRIEF_FAILURES} in one line each and the rest counted, unless only one step ran
 * ({@code mvn test -Dtest=MaxPoolingTest}): then all in full.
 *
 * <p>"public checks pass" is not a grade: the grade runs more hidden checks of the same contract per step. The
 * JUnit Platform finds this listener through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}; it reads results from the Platform's
 * events, never from printed output. It prints nothing when no step's test ran.
 */
public class StepSummaryListener implements TestExecutionListener {
    /**
     * The table's rows in order, class name → label: the lecture's steps ({@link Step}), then Part 2's backward passes
     * and its training step ({@link Step#backwardUnits()}).
     */
    private static final Map<String, String> STEPS = new LinkedHashMap<>();

    static {
        for (Step step : Step.values()) {
            STEPS.put(step.className(), step.label());
        }
        for (Step step : Step.values()) {
            step.backwardName()
                    .ifPresent(name -> STEPS.put(name, step.backwardLabel().orElseThrow()));
        }
        STEPS.put(Step.TRAINING, Step.TRAINING_LABEL);
    }

    /** Counts of one step. */
    private static final class Tally {
        int total;
        int passed;
        int notImplemented;
    }

    /** A failed check (or a failed container, e.g. a test class that cannot start) of a step. */
    private record Failure(String step, List<String> path, Throwable thrown) {}

    /** What a step's status says when every public check passes. */
    static final String PASS = "public checks pass";

    /** The system property that holds the command running the public tests (set by the build). */
    static final String COMMAND_PROPERTY = "cnnkit.testCommand";
    /** A step's failures listed in one line each after its first one, when several steps ran. */
    static final int BRIEF_FAILURES = 2;

    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final PrintStream out;
    private TestPlan plan;

    /** Used by the JUnit Platform: prints to standard output. */
    public StepSummaryListener() {
        this(System.out);
    }

    /** @param out where the table goes (tests pass their own stream) */
    public StepSummaryListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        tallies.clear();
        failures.clear();
        plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Optional<Throwable> thrown = result.getThrowable();
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL
                && thrown.isPresent()
                && !isNotImplemented(thrown.get())) {
            stepOf(test).ifPresent(step -> failures.add(new Failure(step, path(test), thrown.get())));
        }
        if (!test.isTest()) {
            return;
        }
        stepOf(test).ifPresent(step -> {
            Tally t = tallies.computeIfAbsent(step, s -> new Tally());
            t.total++;
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                t.passed++;
            } else if (result.getThrowable()
                    .map(StepSummaryListener::isNotImplemented)
                    .orElse(false)) {
                t.notImplemented++;
            }
        });
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            stepOf(test).ifPresent(step -> tallies.computeIfAbsent(step, s -> new Tally()).total++);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (tallies.isEmpty() && failures.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        boolean brief = tallies.size() > 1; // several steps ran: a step's failures after the first in one line
        // Training runs every other step: while one of them fails, Training's failures are mostly that one's, so they
        // are counted in its row instead of printed
        boolean trainingWaits =
                brief && failures.stream().anyMatch(f -> !f.step().equals(Step.TRAINING));
        for (String step : STEPS.keySet()) {
            if (trainingWaits && step.equals(Step.TRAINING)) {
                continue;
            }
            List<Failure> ofStep =
                    failures.stream().filter(f -> f.step().equals(step)).toList();
            int shown = brief ? Math.min(ofStep.size(), 1 + BRIEF_FAILURES) : ofStep.size();
            for (int i = 0; i < shown; i++) {
                // a blank line between two steps' failures; none before the first (Maven is quiet: nothing above)
                sb.append(i == 0 && sb.length() > 0 ? "\n" : "")
                        .append(FailureText.of(
                                ofStep.get(i).path(), ofStep.get(i).thrown(), brief && i > 0));
            }
            if (shown < ofStep.size()) {
                sb.append(String.format(
                        Locale.ROOT,
                        "  ... and %d more of %s (%s -Dtest=%sTest shows them all)%n",
                        ofStep.size() - shown,
                        step,
                        testCommand(),
                        step));
            }
        }
        sb.append(String.format(
                Locale.ROOT,
                "%n  %-10s %-22s %-9s %s%n",
                "Step",
                "Class",
                "Checks",
                "Progress by step (public tests)"));
        int passing = 0;
        for (Map.Entry<String, String> step : STEPS.entrySet()) {
            Tally t = tallies.get(step.getKey());
            if (t == null) {
                continue;
            }
            String status = status(t);
            passing += status.equals(PASS) ? 1 : 0;
            if (trainingWaits && step.getKey().equals(Step.TRAINING) && !status.equals(PASS)) {
                status += " (it runs your steps: fix those above first)";
            }
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-10s %-22s %3d / %-3d %s%n",
                    step.getValue(),
                    step.getKey(),
                    t.passed,
                    t.total,
                    status));
        }
        sb.append(String.format(
                Locale.ROOT,
                "  %d of %d steps: public checks pass; the grade runs more hidden checks of the same contract.%n",
                passing,
                tallies.size()));
        STEPS.keySet().stream()
                .filter(step ->
                        tallies.containsKey(step) && !status(tallies.get(step)).equals(PASS))
                .findFirst()
                .ifPresent(step -> sb.append("  Next: ")
                        .append(testCommand())
                        .append(" -Dtest=")
                        .append(step)
                        .append("Test   (that step only)\n"));
        out.print(sb);
        out.flush();
    }

    /**
     * @return the command that runs the public tests where this run happens: the build sets the system property
     *     {@value #COMMAND_PROPERTY} (the handout: {@code mvn test}; the kit: its {@code -Pstudent} command)
     */
    static String testCommand() {
        return System.getProperty(COMMAND_PROPERTY, "mvn test");
    }

    /** @return the display names from the step's test class down to the test (the engine's name left out) */
    private List<String> path(TestIdentifier test) {
        List<String> names = new ArrayList<>();
        for (TestIdentifier t = test;
                t != null && t.getSource().isPresent();
                t = plan == null ? null : plan.getParent(t).orElse(null)) {
            names.add(0, t.getDisplayName());
        }
        return names;
    }

    /** @return {@link #PASS} if every check passes, "not started" if none does and all fail as not implemented */
    static String status(Tally t) {
        if (t.passed == t.total) {
            return PASS;
        }
        return t.passed == 0 && t.notImplemented == t.total ? "not started" : "in progress";
    }

    /** The stub's exception, possibly wrapped by an assertion library. */
    static boolean isNotImplemented(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UnsupportedOperationException
                    && String.valueOf(c.getMessage()).contains("not implemented")) {
                return true;
            }
        }
        return false;
    }

    /** @return the step whose name starts the simple name of the test's top-level class, if any */
    private static Optional<String> stepOf(TestIdentifier test) {
        Optional<TestSource> source = test.getSource();
        String className = null;
        if (source.isPresent() && source.get() instanceof MethodSource m) {
            className = m.getClassName();
        } else if (source.isPresent() && source.get() instanceof ClassSource c) {
            className = c.getClassName();
        }
        if (className == null) {
            return Optional.empty();
        }
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String topLevel = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
        return STEPS.keySet().stream()
                .filter(step -> topLevel.equals(step + "Test"))
                .findFirst();
    }
}
