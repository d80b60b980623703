package cnnkit.grader.run;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.common.CheckId;
import cnnkit.grader.common.Trees;
import cnnkit.hidden.support.HiddenProperty;
import cnnkit.lecture.Step;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.lifecycle.LifecycleHook;
import org.junit.jupiter.api.Test;

/**
 * Every hidden check of an assignment as a plan that needs no test engine to run ({@link PlannedRunner}): in the
 * engines' order, each check's id, display name, test class and method, and for a jqwik property the arguments of
 * each of its tries. Recorded when the grader is built ({@link #record}), by running both engines once on the
 * stubs with {@link TryRecorder} noting each try's arguments: jqwik's seed is fixed, so these are the arguments every
 * grading run's tries would be given.
 */
public final class PlannedChecks {
    /** Writes the NaN and infinities that some tries are given, and reads them back. */
    static final Gson TRIES =
            new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final Map<Assignment, Optional<List<Check>>> READ = new EnumMap<>(Assignment.class);

    /** Each property's tries as read, per JVM; handed out only as copies ({@link Check#arguments}). */
    private static final Map<Check, List<Object[]>> PARSED = new ConcurrentHashMap<>();

    private PlannedChecks() {}

    /** @return a copy of an argument: arrays (of any depth) copied, boxed numbers as they are (immutable) */
    static Object deepCopy(Object value) {
        if (value == null || !value.getClass().isArray()) {
            return value;
        }
        if (value.getClass().getComponentType().isPrimitive()) {
            int n = Array.getLength(value);
            Object copy = Array.newInstance(value.getClass().getComponentType(), n);
            System.arraycopy(value, 0, copy, 0, n);
            return copy;
        }
        Object[] from = (Object[]) value;
        Object[] copy = (Object[]) Array.newInstance(value.getClass().getComponentType(), from.length);
        for (int i = 0; i < from.length; i++) {
            copy[i] = deepCopy(from[i]);
        }
        return copy;
    }

    /**
     * One planned check.
     *
     * @param id        its check id ({@link CheckId})
     * @param name      its display name
     * @param container the binary name of its test class (a nested one for a {@code @Nested} group)
     * @param method    its test method
     * @param tries     for a property, the JSON array of its tries' argument arrays; null for a test
     */
    public record Check(String id, String name, String container, String method, String tries) {
        boolean property() {
            return tries != null;
        }

        /** @return the engine that would run it: {@code junit-jupiter} for a test, {@code jqwik} for a property */
        String engine() {
            return property() ? "jqwik" : "junit-jupiter";
        }

        Step step() {
            return HiddenTestRunner.stepOf(id);
        }

        /**
         * @return the arguments of each try, fresh copies (a try may change its arrays; neither the next try nor the
         *     next submission may see it). Read once per JVM: the parameter types are the JDK's, whichever loader
         *     loaded the method.
         */
        List<Object[]> arguments(Method target) {
            List<Object[]> read = PARSED.computeIfAbsent(this, c -> c.parse(target.getGenericParameterTypes()));
            List<Object[]> copies = new ArrayList<>(read.size());
            for (Object[] args : read) {
                Object[] copy = new Object[args.length];
                for (int i = 0; i < copy.length; i++) {
                    copy[i] = deepCopy(args[i]);
                }
                copies.add(copy);
            }
            return copies;
        }

        private List<Object[]> parse(Type[] types) {
            List<Object[]> all = new ArrayList<>();
            for (JsonElement one : JsonParser.parseString(tries).getAsJsonArray()) {
                JsonArray values = one.getAsJsonArray();
                if (values.size() != types.length) {
                    throw new IllegalStateException(id + ": a try has " + values.size() + " arguments, the method "
                            + types.length + " (rebuild the grader)");
                }
                Object[] args = new Object[types.length];
                for (int i = 0; i < args.length; i++) {
                    args[i] = TRIES.fromJson(values.get(i), types[i]);
                }
                all.add(args);
            }
            return List.copyOf(all);
        }
    }

    /** @return the resource of an assignment's plan, e.g. {@code cnnkit/grader/plan-forward.json} */
    static String resource(Assignment assignment) {
        return "cnnkit/grader/plan-" + assignment.id() + ".json";
    }

    /**
     * Records an assignment's plan: runs its hidden tests on the stubs, each property's tries recorded as they run
     * (what the stubs do in them does not matter). Call before any other jqwik run in this JVM: jqwik looks up its
     * registered hooks once per JVM.
     *
     * @param stubs the compiled exercise stubs
     * @param steps the assignment's steps with hidden tests
     * @return the plan, in the engines' order
     * @throws IllegalStateException if a property recorded no try
     */
    public static List<Check> record(Path stubs, Assignment assignment, Collection<Step> steps) throws IOException {
        Path services = Files.createTempDirectory("cnnkit-plan");
        try {
            Path file = services.resolve("META-INF/services/" + LifecycleHook.class.getName());
            Files.createDirectories(file.getParent());
            Files.writeString(file, TryRecorder.class.getName() + "\n", StandardCharsets.UTF_8);
            try (URLClassLoader hooks = new URLClassLoader(
                            new URL[] {services.toUri().toURL()}, PlannedChecks.class.getClassLoader());
                    StudentClassLoader loader = HiddenTests.loader(stubs, hooks)) {
                List<CheckResult> order = new ArrayList<>();
                TryRecorder.start();
                Map<String, List<JsonArray>> tries;
                try {
                    HiddenTestRunner.run(loader, assignment, steps, id -> true, order::addAll, id -> {}, r -> {});
                } finally {
                    tries = TryRecorder.stop();
                }
                Map<String, Method> methods = testMethods(loader, assignment, steps);
                List<Check> plan = new ArrayList<>();
                for (CheckResult r : order) {
                    Method m = methods.get(r.checkId());
                    if (m == null) {
                        throw new IllegalStateException("no test method for check " + r.checkId());
                    }
                    boolean property = !m.isAnnotationPresent(Test.class);
                    List<JsonArray> its = tries.get(r.checkId());
                    if (property && (its == null || its.isEmpty())) {
                        throw new IllegalStateException("property " + r.checkId() + " recorded no try");
                    }
                    plan.add(new Check(
                            r.checkId(),
                            r.displayName(),
                            m.getDeclaringClass().getName(),
                            m.getName(),
                            property ? TRIES.toJson(its) : null));
                }
                return plan;
            }
        } finally {
            Trees.delete(services);
        }
    }

    /** @return the JSON array of one try's arguments */
    static JsonArray arguments(List<Object> parameters) {
        return TRIES.toJsonTree(parameters).getAsJsonArray();
    }

    /** Writes a plan as the resource {@link #read} reads. */
    public static void write(Path classFolder, Assignment assignment, List<Check> plan) throws IOException {
        Path file = classFolder.resolve(resource(assignment));
        Files.createDirectories(file.getParent());
        Files.writeString(file, GSON.toJson(plan), StandardCharsets.UTF_8);
    }

    /** @return the assignment's plan as built, or empty if this code was packed without it */
    public static synchronized Optional<List<Check>> read(Assignment assignment) {
        return READ.computeIfAbsent(assignment, PlannedChecks::load);
    }

    private static Optional<List<Check>> load(Assignment assignment) {
        try (InputStream in = PlannedChecks.class.getClassLoader().getResourceAsStream(resource(assignment))) {
            if (in == null) {
                return Optional.empty();
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                List<Check> plan = GSON.fromJson(r, new TypeToken<List<Check>>() {}.getType());
                return Optional.of(List.copyOf(plan));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return check id to test method, over the steps' hidden test classes and their nested classes */
    static Map<String, Method> testMethods(ClassLoader loader, Assignment assignment, Collection<Step> steps) {
        Map<String, Method> methods = new HashMap<>();
        for (Step step : steps) {
            Deque<Class<?>> classes = new ArrayDeque<>();
            try {
                classes.add(Class.forName(HiddenTests.className(assignment, step), false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("hidden test class missing for " + step, e);
            }
            while (!classes.isEmpty()) {
                Class<?> c = classes.pop();
                classes.addAll(List.of(c.getDeclaredClasses()));
                for (Method m : c.getDeclaredMethods()) {
                    CheckId.ofTestMethod(c.getName(), m.getName()).ifPresent(id -> {
                        if (m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(HiddenProperty.class)) {
                            methods.put(id.toString(), m);
                        }
                    });
                }
            }
        }
        return methods;
    }
}
