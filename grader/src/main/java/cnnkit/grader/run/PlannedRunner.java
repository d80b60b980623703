package cnnkit.grader.run;

import cnnkit.grader.run.CheckResult.Status;
import cnnkit.grader.run.PlannedChecks.Check;
import cnnkit.lecture.Limits;
import cnnkit.lecture.Step;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs the hidden checks of a {@link PlannedChecks plan} against one submission's classes with no test engine: what
 * the engines would do for these checks, done directly, so that a worker pays for the checks and not for starting
 * JUnit and jqwik, discovering and generating again for every submission. {@link HiddenTestRunner} stays the
 * reference: the grader's tests run both on every submission they grade in their JVM (the solutions, the stubs,
 * every mutant) and compare every result; the hostile corpus runs through the workers, hence through this.
 *
 * <p>What is kept from the engines, check by check:
 * <ul>
 *   <li>the order: the engines' order, then the steps' order as given, then each class's discovery order;</li>
 *   <li>a test (Jupiter): a fresh instance of its class (and of each enclosing class of a nested one) per test, the
 *       test method limited to {@link Limits#check()}, a timeout past it whatever the test then does;</li>
 *   <li>a property (jqwik): one instance per property, its tries in order with the recorded arguments, on this
 *       thread, stopping at the first try that throws (shrinking is off);</li>
 *   <li>what a check threw is turned into its result as {@link HiddenTestRunner} does; an
 *       {@link OutOfMemoryError} ends the job, as the engines let it.</li>
 * </ul>
 * One difference, on purpose: a try that throws a test framework's "aborted" exception is a failure, never a try
 * to skip (jqwik would draw another sample; the student's code must not choose which samples it is graded on).
 */
public final class PlannedRunner {
    private PlannedRunner() {}

    /**
     * Runs the chosen checks, as {@link HiddenTestRunner#run(ClassLoader, cnnkit.grader.common.Assignment,
     * Collection, Predicate, Consumer, Consumer, Consumer)} does.
     *
     * @param loader  loads the hidden test classes linked to one submission's {@code cnn} classes
     * @param plan    the assignment's plan
     * @param steps   the steps to run, in this order
     * @param include which check ids to run
     * @param planned told which checks will run (each as {@link Status#NOT_RUN}), before any runs
     * @param started told the id of each check as it starts
     * @param sink    receives one result per check
     */
    public static void run(
            ClassLoader loader,
            List<Check> plan,
            Collection<Step> steps,
            Predicate<String> include,
            Consumer<List<CheckResult>> planned,
            Consumer<String> started,
            Consumer<CheckResult> sink) {
        List<Check> chosen = chosen(plan, steps, include);
        planned.accept(chosen.stream()
                .map(c -> CheckResult.notPassed(c.id(), c.step(), c.name(), Status.NOT_RUN, "this check did not run"))
                .toList());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try (Watchdog watchdog = new Watchdog(thread)) {
            for (Check check : chosen) {
                started.accept(check.id());
                sink.accept(HiddenTestRunner.outcome(check.id(), check.name(), failure(loader, check, watchdog)));
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** @return the plan's checks of these steps that are included, in the order the engines would run them */
    static List<Check> chosen(List<Check> plan, Collection<Step> steps, Predicate<String> include) {
        List<String> engines = plan.stream().map(Check::engine).distinct().toList();
        List<Step> order = List.copyOf(steps);
        List<Check> chosen = new ArrayList<>();
        for (Check c : plan) {
            if (order.contains(c.step()) && include.test(c.id())) {
                chosen.add(c);
            }
        }
        chosen.sort(Comparator.comparingInt((Check c) -> engines.indexOf(c.engine()))
                .thenComparingInt(c -> order.indexOf(c.step()))); // stable: each class's order is kept
        return chosen;
    }

    /** @return what the check threw, or null if it passed */
    private static Throwable failure(ClassLoader loader, Check check, Watchdog watchdog) {
        Method method;
        Object instance;
        try {
            Class<?> container = Class.forName(check.container(), false, loader);
            method = method(container, check.method());
            instance = instance(container);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the plan does not fit the hidden tests: " + check.id(), e);
        } catch (Throwable t) { // the class failed to initialise or link: as the engine reports it
            return rethrowIfUnrecoverable(t instanceof InvocationTargetWrapper w ? w.getCause() : t);
        }
        if (!check.property()) {
            return withinTheCheckLimit(method, instance, watchdog);
        }
        for (Object[] arguments : check.arguments(method)) {
            Throwable t = invoke(method, instance, arguments);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static Method method(Class<?> container, String name) throws NoSuchMethodException {
        for (Method m : container.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                m.setAccessible(true);
                return m;
            }
        }
        throw new NoSuchMethodException(container.getName() + "." + name);
    }

    /** A new instance of the test class, after a new instance of each class enclosing a nested (inner) one. */
    private static Object instance(Class<?> c) throws ReflectiveOperationException {
        Class<?> outer = c.getEnclosingClass();
        boolean inner = outer != null && !Modifier.isStatic(c.getModifiers());
        Constructor<?> constructor = inner ? c.getDeclaredConstructor(outer) : c.getDeclaredConstructor();
        constructor.setAccessible(true);
        try {
            return inner ? constructor.newInstance(instance(outer)) : constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new InvocationTargetWrapper(e.getCause());
        }
    }

    /** @return what the method threw, or null */
    static Throwable invoke(Method method, Object instance, Object[] arguments) {
        try {
            method.invoke(instance, arguments);
            return null;
        } catch (InvocationTargetException e) {
            return rethrowIfUnrecoverable(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    /**
     * Runs a test on this thread, limited to {@link Limits#check()} as Jupiter limits it: past the limit the watchdog
     * interrupts this thread, which waits for the student's code in {@code Student.call} (the student's code runs on
     * a thread of its own, see {@code TimedCall}), so the test ends there, the call abandoned; whatever the test then
     * did, the check is a timeout, as with Jupiter, which stops waiting for a test's thread at the limit. A thread per
     * test, as Jupiter starts, cost a tenth of a submission's CPU.
     */
    private static Throwable withinTheCheckLimit(Method method, Object instance, Watchdog watchdog) {
        boolean late;
        Throwable failure;
        watchdog.arm(Limits.DEFAULT.check().toNanos());
        try {
            failure = invoke(method, instance, new Object[0]);
        } finally {
            late = watchdog.disarm();
            if (late) {
                Thread.interrupted(); // the watchdog's interrupt is not the next check's
            }
        }
        return late
                ? new TimeoutException("the test did not end within " + Limits.seconds(Limits.DEFAULT.check()))
                : failure;
    }

    private static Throwable rethrowIfUnrecoverable(Throwable t) {
        if (t instanceof OutOfMemoryError oom) {
            throw oom;
        }
        return t;
    }

    /** What a test class's constructor threw, carried past the reflective exceptions of finding it. */
    private static final class InvocationTargetWrapper extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvocationTargetWrapper(Throwable cause) {
            super(cause);
        }
    }

    /**
     * Interrupts the thread that runs the tests when a test outlasts its limit. One thread per job, ended with it,
     * holding nothing of the job (no context class loader), so a worker can still show it is clean.
     */
    private static final class Watchdog implements AutoCloseable {
        private final Thread target;
        private final Thread thread;
        private long deadline; // System.nanoTime() of the limit; 0 while no test runs
        private boolean fired;
        private boolean closed;

        Watchdog(Thread target) {
            this.target = target;
            thread = new Thread(this::watch, "check-watchdog");
            thread.setDaemon(true);
            thread.setContextClassLoader(null);
            thread.start();
        }

        synchronized void arm(long nanos) {
            deadline = Math.max(1, System.nanoTime() + nanos);
            fired = false;
            notifyAll();
        }

        /** @return whether the limit had passed (the target was interrupted) */
        synchronized boolean disarm() {
            deadline = 0;
            return fired;
        }

        private synchronized void watch() {
            try {
                while (!closed) {
                    long left = deadline == 0 ? Long.MAX_VALUE : deadline - System.nanoTime();
                    if (left <= 0) {
                        fired = true;
                        deadline = 0;
                        target.interrupt();
                    } else if (left == Long.MAX_VALUE) {
                        wait();
                    } else {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    }
                }
            } catch (InterruptedException e) {
                // ended
            }
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
                notifyAll();
            }
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
