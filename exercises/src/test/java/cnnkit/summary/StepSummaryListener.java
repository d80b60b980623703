package cnnkit.summary;

import java.io.PrintStream;
import java.util.LinkedHashMap;
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
 * Prints, after the tests, one line per step of the lecture: how many of its public checks pass, and whether the
 * step is "not started", "in progress" or "done" — a map of your progress instead of a wall of stack traces.
 *
 * <pre>
 *   Step       Class            Checks  Status
 *   Step 1     Convolution       7 / 7  done
 *   Step 1(b)  Relu              2 / 5  in progress
 *   Step 2     MaxPooling        0 / 5  not started
 *   ...
 *   Back 2     MaxPoolingBackward   0 / 5  not started
 * </pre>
 *
 * <p>A test belongs to the step whose class name its test class starts with ({@code ConvolutionTest} → Step 1). A
 * step is "not started" while it passes nothing and every failure is the stub's "not implemented"
 * {@link UnsupportedOperationException}. The JUnit Platform finds this listener through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}; it reads results from the Platform's
 * events, never from printed output. It prints nothing when no step's test ran.
 */
public class StepSummaryListener implements TestExecutionListener {
    /** The lecture's steps in order: class name → label. */
    private static final Map<String, String> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("Convolution", "Step 1");
        STEPS.put("Relu", "Step 1(b)");
        STEPS.put("MaxPooling", "Step 2");
        STEPS.put("Flattening", "Step 3");
        STEPS.put("FullConnection", "Step 4");
        STEPS.put("Softmax", "Extra 1");
        STEPS.put("CrossEntropy", "Extra 2");
        STEPS.put("ErrorMeasures", "Extra 3");
        // Part 2: the backward passes (tests named <Class>BackwardTest).
        STEPS.put("ConvolutionBackward", "Back 1");
        STEPS.put("ReluBackward", "Back 1(b)");
        STEPS.put("MaxPoolingBackward", "Back 2");
        STEPS.put("FlatteningBackward", "Back 3");
        STEPS.put("FullConnectionBackward", "Back 4");
        STEPS.put("SoftmaxBackward", "Back E1");
    }

    /** Counts of one step. */
    private static final class Tally {
        int total;
        int passed;
        int notImplemented;
    }

    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final PrintStream out;

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
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        stepOf(test).ifPresent(step -> {
            Tally t = tallies.computeIfAbsent(step, s -> new Tally());
            t.total++;
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                t.passed++;
            } else if (result.getThrowable().map(StepSummaryListener::isNotImplemented).orElse(false)) {
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
        if (tallies.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("\n  Progress by step (public tests; the hidden tests check more)\n");
        sb.append(String.format(Locale.ROOT, "  %-10s %-22s %-9s %s%n", "Step", "Class", "Checks", "Status"));
        int done = 0;
        for (Map.Entry<String, String> step : STEPS.entrySet()) {
            Tally t = tallies.get(step.getKey());
            if (t == null) {
                continue;
            }
            String status = status(t);
            done += status.equals("done") ? 1 : 0;
            sb.append(String.format(Locale.ROOT, "  %-10s %-22s %3d / %-3d %s%n", step.getValue(), step.getKey(),
                t.passed, t.total, status));
        }
        sb.append(String.format(Locale.ROOT, "  %d of %d steps done%n", done, tallies.size()));
        out.print(sb);
        out.flush();
    }

    /** @return "done" if every check passes, "not started" if none does and all fail as not implemented */
    static String status(Tally t) {
        if (t.passed == t.total) {
            return "done";
        }
        return t.passed == 0 && t.notImplemented == t.total ? "not started" : "in progress";
    }

    /** The stub's exception, possibly wrapped by an assertion library. */
    static boolean isNotImplemented(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UnsupportedOperationException && String.valueOf(c.getMessage()).contains("not implemented")) {
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
        return STEPS.keySet().stream().filter(step -> topLevel.equals(step + "Test")).findFirst();
    }
}
