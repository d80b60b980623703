package cnnkit.grader.run;

import cnnkit.grader.common.CheckId;
import com.google.gson.JsonArray;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.lifecycle.AroundTryHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.TryExecutionResult;
import net.jqwik.api.lifecycle.TryExecutor;
import net.jqwik.api.lifecycle.TryLifecycleContext;

/**
 * Records the arguments jqwik draws for each try of a hidden property: how {@link PlannedChecks} learns, when the
 * grader is built, what every try of every property is given (the seed is fixed, so jqwik draws the same arguments
 * in every run). Each try runs (on the stubs), so that a try the property's own {@code Assume} rejects is left out
 * as jqwik leaves it out; whatever else the try does, it counts as satisfied, so jqwik goes on to the next one.
 * Registered only for that recording, through a service file that exists nowhere else; while no recording is on it
 * runs each try as jqwik would.
 */
public final class TryRecorder implements AroundTryHook {
    private static Map<String, List<JsonArray>> recording;

    /** Public and without arguments: jqwik's service loader makes it. */
    public TryRecorder() {}

    /** Starts recording (tries are then recorded, not run). */
    static synchronized void start() {
        recording = new LinkedHashMap<>();
    }

    /** @return each property's tries (check id to the arguments of every try, in order); recording stops */
    static synchronized Map<String, List<JsonArray>> stop() {
        Map<String, List<JsonArray>> done = recording;
        recording = null;
        return done;
    }

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public boolean appliesTo(Optional<AnnotatedElement> element) {
        return element.map(Method.class::isInstance).orElse(false);
    }

    @Override
    public TryExecutionResult aroundTry(TryLifecycleContext context, TryExecutor aTry, List<Object> parameters) {
        Map<String, List<JsonArray>> into;
        synchronized (TryRecorder.class) {
            into = recording;
        }
        if (into == null) {
            return aTry.execute(parameters);
        }
        JsonArray arguments = PlannedChecks.arguments(parameters); // before the try may change them
        TryExecutionResult result = aTry.execute(parameters);
        if (result.isInvalid()) {
            return result; // the property's own assumption rejected these arguments: jqwik draws others
        }
        String id = CheckId.ofTestMethod(
                        context.containerClass().getName(),
                        context.targetMethod().getName())
                .orElseThrow(() -> new IllegalStateException("not a hidden check: " + context.label()))
                .toString();
        synchronized (TryRecorder.class) {
            into.computeIfAbsent(id, k -> new ArrayList<>()).add(arguments);
        }
        return TryExecutionResult.satisfied(); // on the stubs it failed: the next try is recorded all the same
    }
}
