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
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs the hidden checks of a {@link PlannedChecks plan} against one submission's classes with no test engine: what
 * the engines would do for these checks, done directly, so that a worker pays for the checks and not for starting
 * JUnit and jqwik, discovering and generating again for every submission. {@link HiddenTestRunner} stays the
 * reference: a test runs both on the solutions, the stubs, every mutant and the hostile corpus and compares every
 * result.
 *
 * <p>What is kept from the engines, check by check:
 * <ul>
 *   <li>the order: the engines' order, then the steps' order as given, then each class's discovery order;</li>
 *   <li>a test (Jupiter): a fresh instance of its class (and of each enclosing class of a nested one) per test, the
 *       test method on a thread of its own limited to {@link Limits#check()};</li>
 *   <li>a property (jqwik): one instance per property, its tries in order with the recorded arguments, on this
 *       thread, stopping at the first try that throws (shrinking is off);</li>
 *   <li>what a check threw is turned into its result as {@link HiddenTestRunner} does; an
 *       {@link OutOfMemoryError} ends the job, as the engines let it.</li>
 * </ul>
 * One difference, on purpose: a try that throws a test framework's "aborted" exception is a failure, never a try
 * to skip (jqwik would draw another sample; the student's code must not choose which samples it is graded on).
 */
public final class PlannedRunner {
    /** How long an abandoned test is given to end (it only waits for a student's call, which it then abandons). */
    private static final long ABANDON_GRACE_MILLIS = 1000;

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
        try {
            for (Check check : chosen) {
                started.accept(check.id());
                sink.accept(HiddenTestRunner.outcome(check.id(), check.name(), failure(loader, check)));
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
    private static Throwable failure(ClassLoader loader, Check check) {
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
            return onItsOwnThread(loader, method, instance);
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

    private static void awaitEnd(Thread abandoned) {
        try {
            abandoned.join(ABANDON_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a hidden test ended", e);
        }
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
     * Runs a test on a thread of its own, as Jupiter does, limited to {@link Limits#check()}: a test that overruns is
     * abandoned, interrupted, its thread left to end or to keep the worker from being reused ({@link Leftovers}). A
     * plain thread, not an executor: an executor is finalizable, and what its thread factory holds (the job's class
     * loader) would outlive the job by a collection, with every static field of the student's classes.
     */
    private static Throwable onItsOwnThread(ClassLoader loader, Method method, Object instance) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        failure.set(invoke(method, instance, new Object[0]));
                    } catch (Throwable t) { // an OutOfMemoryError, passed on below
                        failure.set(t);
                    }
                },
                "hidden-test");
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
        thread.start();
        try {
            thread.join(Limits.DEFAULT.check().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a hidden test ran", e);
        }
        if (thread.isAlive()) {
            thread.interrupt();
            awaitEnd(thread); // it abandons the student's call it waits for before the next test makes one
            return new TimeoutException("the test did not end within " + Limits.seconds(Limits.DEFAULT.check()));
        }
        return rethrowIfUnrecoverable(failure.get());
    }
}
