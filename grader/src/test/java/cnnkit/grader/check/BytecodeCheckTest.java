package cnnkit.grader.check;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.testing.Submissions;
import cnnkit.lecture.Step;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The bytecode check")
class BytecodeCheckTest {
    @TempDir
    Path temp;

    /** A step class whose method {@code convolve} has the given body (line 4 of Convolution.java). */
    private static String convolution(String body) {
        return "package cnn;\npublic final class Convolution {\n"
                + "    public static double[][] convolve(double[][] image, double[][] k) throws Exception {\n"
                + "        " + body + "\n"
                + "        return image;\n    }\n}\n";
    }

    /** Checks a Convolution whose method convolve runs {@code body} and returns the Convolution violations. */
    private List<String> convolve(String body) throws IOException {
        Map<Step, List<String>> report = check(Map.of("Convolution.java", convolution(body)));
        assertThat(EnumSet.complementOf(EnumSet.of(Step.CONVOLUTION)))
                .allSatisfy(other -> assertThat(report.get(other)).isEmpty());
        return report.get(Step.CONVOLUTION);
    }

    private Map<Step, List<String>> check(Map<String, String> sources) throws IOException {
        Path dir = Files.createTempDirectory(temp, "case"); // fresh: no class of an earlier case is left over
        Path src = Files.createDirectories(dir.resolve("src"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            files.add(Files.writeString(src.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8));
        }
        List<Path> classpath = sources.values().stream().anyMatch(s -> s.contains("cnnkit.") || s.contains("org.junit"))
                ? Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .map(Path::of)
                        .toList()
                : List.of(); // only when needed: it is slow
        return BytecodeCheck.check(Submissions.compile(dir.resolve("classes"), classpath, files));
    }

    @Nested
    @DisplayName("refuses ending or freezing the run")
    class EndingTheRun {
        @Test
        @DisplayName("System.exit, by file, method and line")
        void exit() throws IOException {
            assertThat(convolve("System.exit(0);"))
                    .containsExactly(
                            "Convolution.java, method convolve, line 4: calls System.exit — not allowed in a graded step "
                                    + "(ends the whole grading process)");
        }

        @Test
        @DisplayName("Runtime.halt and shutdown hooks")
        void halt() throws IOException {
            assertThat(convolve("Runtime.getRuntime().halt(1);"))
                    .anyMatch(v -> v.contains("calls Runtime.halt") && v.contains("controls the JVM"));
            assertThat(convolve("Runtime.getRuntime().addShutdownHook(null);"))
                    .anyMatch(v -> v.contains("calls Runtime.addShutdownHook"));
        }

        @Test
        @DisplayName("threads, sleeping and waiting")
        void threads() throws IOException {
            assertThat(convolve("new Thread(() -> { }).start();")).anyMatch(v -> v.contains("creates a Thread"));
            assertThat(convolve("Thread.sleep(100_000);")).anyMatch(v -> v.contains("calls Thread.sleep"));
            assertThat(convolve("Object lock = new Object(); synchronized (lock) { lock.wait(); }"))
                    .anyMatch(v -> v.contains("calls Object.wait") && v.contains("one thread"));
            assertThat(convolve("java.util.concurrent.Executors.newFixedThreadPool(2);"))
                    .anyMatch(v -> v.contains("calls java.util.concurrent.Executors.newFixedThreadPool"));
        }

        @Test
        @DisplayName("a class that extends Thread, waits on itself, or has a finalizer")
        void threadSubclass() throws IOException {
            List<String> found = check(Map.of("Relu.java", """
                package cnn;
                public final class Relu extends Thread {
                    public static double[][] apply(double[][] m) throws Exception {
                        new Relu().join();
                        return m;
                    }
                    @Override protected void finalize() { }
                }
                """)).get(Step.RELU);
            assertThat(found)
                    .anyMatch(v -> v.startsWith("Relu.java: extends Thread"))
                    .anyMatch(v -> v.contains("method finalize: overrides finalize"))
                    .anyMatch(v -> v.contains("method apply, line 4: calls Relu.join"));
        }

        @Test
        @DisplayName("catching Throwable or Error, whatever else the method calls (addSuppressed switches off nothing)")
        void catchingThrowable() throws IOException {
            assertThat(convolve("try { convolve(image, k); } catch (Throwable t) { }"))
                    .anyMatch(v -> v.contains("line 4: catches Throwable"));
            assertThat(convolve("try { convolve(image, k); } catch (StackOverflowError e) { }"))
                    .anyMatch(v -> v.contains("catches StackOverflowError"));
            assertThat(convolve("try { convolve(image, k); } catch (Throwable t) { t.addSuppressed(t); }"))
                    .anyMatch(v -> v.contains("line 4: catches Throwable"));
            assertThat(
                            convolve(
                                    "try (java.util.stream.Stream<String> s = java.util.stream.Stream.of(\"a\")) { s.count(); }"))
                    .anyMatch(v -> v.contains("catches Throwable") && v.contains("try-with-resources"));
        }

        @Test
        @DisplayName("an endless loop is not a static matter: the worker's time-out stops it")
        void endlessLoopPassesStatically() throws IOException {
            assertThat(convolve("while (image != null) { image = image.clone(); }"))
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("refuses reaching outside")
    class ReachingOutside {
        @Test
        @DisplayName("files, through java.io and java.nio.file")
        void files() throws IOException {
            assertThat(convolve("java.nio.file.Files.readAllLines(java.nio.file.Path.of(\"/etc/passwd\"));"))
                    .anyMatch(v -> v.contains("calls java.nio.file.Files.readAllLines") && v.contains("files"));
            assertThat(convolve("new java.io.FileWriter(\"results.json\").close();"))
                    .anyMatch(v -> v.contains("creates a java.io.FileWriter"));
        }

        @Test
        @DisplayName("environment variables and system properties")
        void secrets() throws IOException {
            assertThat(convolve("System.out.println(System.getenv(\"SECRET\"));"))
                    .containsExactly(
                            "Convolution.java, method convolve, line 4: calls System.getenv — not allowed in a "
                                    + "graded step (reads environment variables, which may hold secrets)");
            assertThat(convolve("System.getProperty(\"java.class.path\");"))
                    .anyMatch(v -> v.contains("calls System.getProperty"));
            assertThat(convolve("Integer.getInteger(\"secret\");"))
                    .anyMatch(v -> v.contains("calls Integer.getInteger"));
        }

        @Test
        @DisplayName("sockets, processes and native code")
        void outsideTheJvm() throws IOException {
            assertThat(convolve("new java.net.Socket(\"localhost\", 80).close();"))
                    .anyMatch(v -> v.contains("creates a java.net.Socket") && v.contains("network"));
            assertThat(convolve("new ProcessBuilder(\"sh\").start();"))
                    .anyMatch(v -> v.contains("creates a ProcessBuilder") && v.contains("starts programs"));
            assertThat(convolve("System.loadLibrary(\"evil\");")).anyMatch(v -> v.contains("calls System.loadLibrary"));
            List<String> nativeMethod = check(Map.of("Relu.java", """
                package cnn;
                public final class Relu {
                    public static native double[][] apply(double[][] m);
                }
                """)).get(Step.RELU);
            assertThat(nativeMethod).anyMatch(v -> v.contains("method apply: declares a native method"));
        }
    }

    @Nested
    @DisplayName("refuses cheating the grader")
    class Cheating {
        @Test
        @DisplayName("reflection, setAccessible and method handles")
        void reflection() throws IOException {
            assertThat(convolve("Class.forName(\"cnnkit.lecture.Step\");"))
                    .anyMatch(v -> v.contains("calls Class.forName"));
            assertThat(convolve("Convolution.class.getDeclaredMethod(\"x\").setAccessible(true);"))
                    .anyMatch(v -> v.contains("calls Class.getDeclaredMethod"))
                    .anyMatch(v ->
                            v.contains("calls java.lang.reflect.Method.setAccessible") && v.contains("reflection"));
            assertThat(convolve("java.lang.invoke.MethodHandles.lookup();"))
                    .anyMatch(v ->
                            v.contains("calls java.lang.invoke.MethodHandles.lookup") && v.contains("method handles"));
            assertThat(convolve("ClassLoader.getSystemClassLoader();")).anyMatch(v -> v.contains("calls ClassLoader"));
        }

        @Test
        @DisplayName("System.setOut, and a method reference to System::exit")
        void hijacking() throws IOException {
            assertThat(convolve("System.setOut(System.err);")).anyMatch(v -> v.contains("calls System.setOut"));
            assertThat(convolve("java.util.function.IntConsumer quit = System::exit; quit.accept(0);"))
                    .anyMatch(v -> v.contains("refers to System::exit"));
        }

        @Test
        @DisplayName("using the grader's or JUnit's classes")
        void otherPackages() throws IOException {
            assertThat(convolve("cnnkit.lecture.Step.values();"))
                    .anyMatch(v -> v.contains("calls cnnkit.lecture.Step.values") && v.contains("only the JDK"));
            assertThat(convolve("org.junit.jupiter.api.Assertions.fail(\"x\");"))
                    .anyMatch(v -> v.contains("calls org.junit.jupiter.api.Assertions.fail"));
        }

        @Test
        @DisplayName("classes declared outside package cnn, blamed on the step whose file declares them")
        void classesOutsidePackageCnn() throws IOException {
            Map<Step, List<String>> report = check(Map.of("MaxPooling.java", """
                package cnnkit.hidden;
                public class MaxPooling { }
                """));
            assertThat(report.get(Step.MAX_POOLING))
                    .singleElement()
                    .asString()
                    .contains("MaxPooling.java: declares class cnnkit.hidden.MaxPooling outside package cnn");
            assertThat(report.get(Step.RELU)).isEmpty();
        }
    }

    @Nested
    @DisplayName("blames the steps that can load a violation, and only those")
    class Attribution {
        @Test
        @DisplayName("a helper class's violation costs the steps that name it, transitively")
        void helperTransitive() throws IOException {
            Map<Step, List<String>> report = check(Map.of(
                    "Relu.java", """
                    package cnn;
                    public final class Relu {
                        public static double[][] apply(double[][] m) { return Util.copy(m); }
                    }
                    """,
                    "Util.java", """
                    package cnn;
                    final class Util {
                        static double[][] copy(double[][] m) { return Deep.copy(m); }
                    }
                    """,
                    "Deep.java", """
                    package cnn;
                    final class Deep {
                        static double[][] copy(double[][] m) {
                            java.util.function.Supplier<String> s = () -> System.getenv("HOME");
                            return m;
                        }
                    }
                    """,
                    "Flattening.java", """
                    package cnn;
                    public final class Flattening {
                        public static double[] flatten(double[][] m) { return m[0]; }
                    }
                    """));
            assertThat(report.get(Step.RELU))
                    .containsExactly(
                            "Deep.java, a lambda in method copy, line 4: calls "
                                    + "System.getenv — not allowed in a graded step (reads environment variables, which may hold secrets)");
            assertThat(report.get(Step.FLATTENING)).isEmpty();
        }

        @Test
        @DisplayName("every method is judged: a main method that reads files costs its step")
        void mainIsJudged() throws IOException {
            assertThat(check(Map.of("Relu.java", """
                package cnn;
                public final class Relu {
                    public static double[][] apply(double[][] m) { return m; }
                    public static void main(String[] args) throws Exception {
                        System.out.println(readCsv(args[0]));
                    }
                    private static java.util.List<String> readCsv(String f) throws java.io.IOException {
                        return java.nio.file.Files.readAllLines(java.nio.file.Path.of(f));
                    }
                }
                """)).get(Step.RELU))
                    .anyMatch(v -> v.startsWith(
                            "Relu.java, method readCsv, line 8: calls " + "java.nio.file.Files.readAllLines"));
        }

        @Test
        @DisplayName("a class that no step's class names can never be loaded, and costs nothing")
        void unnamedHelperCostsNothing() throws IOException {
            Map<Step, List<String>> report = check(Map.of(
                    "Relu.java", """
                    package cnn;
                    public final class Relu {
                        public static double[][] apply(double[][] m) { return m; }
                    }
                    """,
                    "Scratch.java", """
                    package cnn;
                    final class Scratch {
                        static { System.exit(1); }
                    }
                    """));
            assertThat(report)
                    .allSatisfy((step, v) -> assertThat(v).as(step.toString()).isEmpty());
        }

        @Test
        @DisplayName("a helper named only as a field type, an array type, a nested class or a supertype costs the step")
        void namedAnyhow() throws IOException {
            String helper = """
                package cnn;
                class Helper {
                    static { System.getenv(); }
                }
                """;
            for (String use : List.of(
                    "static Helper cache;",
                    "static Object[] cache = new Helper[0];",
                    "static class Inner extends Helper { }",
                    "static java.util.List<Helper> cache;",
                    "interface Marker { Helper make(); }")) {
                Map<Step, List<String>> report = check(Map.of("Helper.java", helper, "Relu.java", """
                    package cnn;
                    public final class Relu {
                        %s
                        public static double[][] apply(double[][] m) { return m; }
                    }
                    """.formatted(use)));
                assertThat(report.get(Step.RELU))
                        .as(use)
                        .containsExactly(
                                "Helper.java, static initialiser, line 3: calls System.getenv — not allowed in "
                                        + "a graded step (reads environment variables, which may hold secrets)");
            }
        }

        @Test
        @DisplayName("another step's violation costs that step only: a refused step is replaced by its stub")
        void otherStepNotFollowed() throws IOException {
            Map<Step, List<String>> report = check(Map.of(
                    "Relu.java", """
                    package cnn;
                    public final class Relu {
                        public static double[][] apply(double[][] m) { System.exit(1); return m; }
                    }
                    """,
                    "MaxPooling.java", """
                    package cnn;
                    public final class MaxPooling {
                        public static double[][] pool(double[][] m) { return Relu.apply(m); }
                    }
                    """));
            assertThat(report.get(Step.RELU)).singleElement().asString().contains("calls System.exit");
            assertThat(report.get(Step.MAX_POOLING)).isEmpty();
        }

        @Test
        @DisplayName("a static initialiser runs as soon as the step is used")
        void staticInitialiser() throws IOException {
            assertThat(check(Map.of("Relu.java", """
                package cnn;
                public final class Relu {
                    static { System.exit(3); }
                    public static double[][] apply(double[][] m) { return m; }
                }
                """)).get(Step.RELU))
                    .singleElement()
                    .asString()
                    .startsWith("Relu.java, static initialiser, line 3");
        }
    }

    @Nested
    @DisplayName("sees the code the JVM runs without a visible call (issue 11)")
    class HiddenCalls {
        @Test
        @DisplayName("hole 1: the static initialiser of a superinterface with a default method")
        void interfaceInitialisation() throws IOException {
            Map<Step, List<String>> report = check(Map.of(
                    "Relu.java", """
                    package cnn;
                    public final class Relu implements Boot {
                        public static double[][] apply(double[][] m) { return m; }
                    }
                    """,
                    "Boot.java", """
                    package cnn;
                    interface Boot {
                        Object T = Escape.run();
                        default void d() { }
                    }
                    """,
                    "Escape.java", """
                    package cnn;
                    final class Escape {
                        static Object run() {
                            return System.getProperty("java.class.path");
                        }
                    }
                    """));
            assertThat(report.get(Step.RELU))
                    .containsExactly(
                            "Escape.java, method run, line 4: calls "
                                    + "System.getProperty — not allowed in a graded step (reads system properties, which may hold secrets)");
            assertThat(report.get(Step.SOFTMAX)).isEmpty();
        }

        @Test
        @DisplayName("hole 2: getMessage inherited from a student superclass of a thrown exception")
        void inheritedMethod() throws IOException {
            Map<Step, List<String>> report = check(Map.of(
                    "Relu.java", """
                    package cnn;
                    public final class Relu {
                        public static double[][] apply(double[][] m) {
                            if (m == null) { throw new Bad(); }
                            return m;
                        }
                    }
                    """,
                    "Bad.java", """
                    package cnn;
                    final class Bad extends Loud { }
                    """,
                    "Loud.java", """
                    package cnn;
                    class Loud extends IllegalArgumentException {
                        @Override public String getMessage() {
                            return new java.io.File("/etc/passwd").exists() ? "yes" : "no";
                        }
                    }
                    """));
            assertThat(report.get(Step.RELU))
                    .containsExactly(
                            "Loud.java, method getMessage, line 4: creates a "
                                    + "java.io.File — not allowed in a graded step (files and streams are outside a graded step)",
                            "Loud.java, method getMessage, line 4: calls java.io.File.exists — not allowed in a graded step "
                                    + "(files and streams are outside a graded step)");
        }

        @Test
        @DisplayName("a default method chain: an interface's default calls another interface's default")
        void defaultMethodChain() throws IOException {
            assertThat(check(Map.of(
                                    "Relu.java", """
                    package cnn;
                    public final class Relu implements A {
                        public static double[][] apply(double[][] m) { new Relu().a(); return m; }
                    }
                    """,
                                    "A.java", """
                    package cnn;
                    interface A extends B { default void a() { b(); } }
                    """,
                                    "B.java", """
                    package cnn;
                    interface B { default void b() { System.getenv("HOME"); } }
                    """))
                            .get(Step.RELU))
                    .singleElement()
                    .asString()
                    .startsWith("B.java, method b, line 2: calls " + "System.getenv");
        }

        @Test
        @DisplayName("string concatenation calls toString: a toString with refused code costs the step")
        void concatenatedToString() throws IOException {
            assertThat(check(Map.of(
                                    "Relu.java", """
                    package cnn;
                    public final class Relu {
                        public static double[][] apply(double[][] m) {
                            String s = "shape " + new Shape(m.length);
                            return m;
                        }
                    }
                    """,
                                    "Shape.java", """
                    package cnn;
                    record Shape(int rows) {
                        @Override public String toString() { return System.getenv("SECRET"); }
                    }
                    """))
                            .get(Step.RELU))
                    .singleElement()
                    .asString()
                    .startsWith("Shape.java, method toString, " + "line 3: calls System.getenv");
        }

        @Test
        @DisplayName("enum and record static initialisers, and an anonymous class nobody calls")
        void nestedInitialisers() throws IOException {
            List<String> found = check(Map.of("Relu.java", """
                package cnn;
                public final class Relu {
                    enum Mode { A; static { System.exit(1); } }
                    record Pair(int a) { static final String P = System.getProperty("user.home"); }
                    static final Runnable R = new Runnable() {
                        public void run() { Runtime.getRuntime().halt(0); }
                    };
                    public static double[][] apply(double[][] m) { return m; }
                }
                """)).get(Step.RELU);
            assertThat(found)
                    .anyMatch(v -> v.startsWith(
                            "Relu.java (class Relu$Mode), static initialiser, line 3: " + "calls System.exit"))
                    .anyMatch(v -> v.startsWith(
                            "Relu.java (class Relu$Pair), static initialiser, line 4: calls " + "System.getProperty"))
                    .anyMatch(v ->
                            v.startsWith("Relu.java (class Relu$1), method run, line 6: calls Runtime.getRuntime"));
        }

        @Test
        @DisplayName("a lambda and a method reference to refused code")
        void lambdasAndReferences() throws IOException {
            assertThat(convolve("java.util.function.Supplier<Object> s = Thread::currentThread; s.get();"))
                    .anyMatch(v -> v.contains("refers to Thread::currentThread"));
            assertThat(convolve("java.util.function.Function<Throwable, Object> f = Throwable::getStackTrace;"))
                    .anyMatch(v -> v.contains("refers to Throwable::getStackTrace"));
            assertThat(convolve("Runnable r = () -> System.exit(0);"))
                    .anyMatch(v ->
                            v.startsWith("Convolution.java, a lambda in method convolve, line 4: calls System.exit"));
        }

        @Test
        @DisplayName("Class.forName with a name built from constants, and a class's loader")
        void loadingByName() throws IOException {
            assertThat(convolve("String n = \"java.lang.Run\" + \"time\"; Class.forName(n);"))
                    .anyMatch(v -> v.contains("calls Class.forName"));
            assertThat(convolve("Convolution.class.getClassLoader();"))
                    .anyMatch(v -> v.contains("calls Class.getClassLoader"));
        }
    }

    @Nested
    @DisplayName("refuses reading the JVM's own state (issue 11, hole 10)")
    class JvmState {
        @Test
        @DisplayName("stack traces, through any exception class, a student's own, or StackTraceElement")
        void stackTraces() throws IOException {
            assertThat(convolve("new Throwable().getStackTrace();"))
                    .containsExactly("Convolution.java, method "
                            + "convolve, line 4: calls Throwable.getStackTrace — not allowed in a graded step (reads the call "
                            + "stack, which names the grader's hidden tests)");
            assertThat(convolve("new IllegalStateException().getStackTrace();"))
                    .anyMatch(v -> v.contains("calls IllegalStateException.getStackTrace"));
            assertThat(convolve("Object o = new StackTraceElement(\"a\", \"b\", \"c\", 1);"))
                    .anyMatch(v -> v.contains("creates a StackTraceElement"));
            assertThat(convolve("Thread.getAllStackTraces();"))
                    .anyMatch(v -> v.contains("calls Thread.getAllStackTraces"));
            List<String> own = check(Map.of("Relu.java", """
                package cnn;
                public final class Relu {
                    static final class Oops extends IllegalArgumentException { }
                    public static double[][] apply(double[][] m) {
                        Object frames = new Oops().getStackTrace();
                        return m;
                    }
                }
                """)).get(Step.RELU);
            assertThat(own).singleElement().asString().contains("line 5: calls cnn.Relu.Oops.getStackTrace");
        }

        @Test
        @DisplayName("printing a stack trace, to System.err or elsewhere: it names the hidden tests in the feedback")
        void printedStackTraces() throws IOException {
            assertThat(convolve("new RuntimeException().printStackTrace();"))
                    .anyMatch(v -> v.contains("calls RuntimeException.printStackTrace") && v.contains("call stack"));
            assertThat(convolve("new RuntimeException().printStackTrace(System.out);"))
                    .anyMatch(v -> v.contains("calls RuntimeException.printStackTrace"));
        }

        @Test
        @DisplayName("parallel streams and parallel array methods: they run on other threads")
        void parallel() throws IOException {
            assertThat(convolve("java.util.Arrays.stream(image[0]).parallel().sum();"))
                    .anyMatch(v -> v.contains("calls java.util.stream.DoubleStream.parallel") && v.contains("threads"));
            assertThat(convolve("java.util.List.of(1, 2).parallelStream().count();"))
                    .anyMatch(v -> v.contains("calls java.util.List.parallelStream"));
            assertThat(convolve("java.util.Arrays.parallelSort(image[0]);"))
                    .anyMatch(v -> v.contains("calls java.util.Arrays.parallelSort"));
            assertThat(convolve("java.util.stream.StreamSupport.stream(java.util.List.of(1).spliterator(), true);"))
                    .anyMatch(v -> v.contains("calls java.util.stream.StreamSupport.stream"));
        }

        @Test
        @DisplayName("the JVM-wide string pool and the runtime")
        void stringPoolAndRuntime() throws IOException {
            assertThat(convolve("\"x\".intern();")).anyMatch(v -> v.contains("calls String.intern"));
            assertThat(convolve("Runtime.version();")).anyMatch(v -> v.contains("calls Runtime.version"));
            assertThat(convolve("Runtime.getRuntime().freeMemory();"))
                    .anyMatch(v -> v.contains("calls Runtime.freeMemory"));
        }
    }

    @Nested
    @DisplayName("lets honest code through")
    class Honest {
        @Test
        @DisplayName("the reference solutions have no violations")
        void solutions() throws IOException {
            Map<Step, List<String>> report = BytecodeCheck.check(Submissions.compiledSolutions());
            assertThat(report)
                    .hasSize(Step.values().length)
                    .allSatisfy((step, v) -> assertThat(v).isEmpty());
        }

        @Test
        @DisplayName("a student's own style: streams, lambdas, records, enums, collections, formatting, asserts")
        void plainStudentStyle() throws IOException {
            Map<Step, List<String>> report = check(Map.of("Softmax.java", """
                package cnn;
                import java.util.*;
                import java.util.stream.*;
                public class Softmax {
                    record Pair(int index, double value) implements Comparable<Pair> {
                        public int compareTo(Pair o) { return Double.compare(value, o.value); }
                    }
                    enum Mode { STABLE, NAIVE }
                    private static final Map<Mode, Integer> USES = new EnumMap<>(Mode.class);
                    public static double[] apply(double[] scores) {
                        if (scores == null || scores.length == 0) {
                            throw new IllegalArgumentException("scores is empty: " + Arrays.toString(scores));
                        }
                        assert scores.length > 0 : "checked above";
                        Mode mode = Mode.STABLE;
                        switch (mode) { case STABLE -> USES.merge(mode, 1, Integer::sum); default -> { } }
                        double max = Arrays.stream(scores).max().orElseThrow();
                        double[] exp = Arrays.stream(scores).map(s -> Math.exp(s - max)).toArray();
                        double sum = DoubleStream.of(exp).sum();
                        List<Pair> pairs = IntStream.range(0, exp.length).mapToObj(i -> new Pair(i, exp[i]))
                            .sorted(Comparator.reverseOrder()).collect(Collectors.toList());
                        StringBuilder log = new StringBuilder();
                        for (Pair p : pairs) {
                            log.append(String.format(Locale.ROOT, "%d:%.3f ", p.index(), p.value() / sum));
                        }
                        Optional<Pair> best = pairs.stream().findFirst();
                        System.out.println(log + " best " + best.map(Pair::toString).orElse("none"));
                        Object o = best.orElse(null);
                        if (o instanceof Pair p && p.hashCode() == Objects.hash(p.index(), p.value())) {
                            System.err.println(p.equals(o));
                        }
                        double[] out = new double[exp.length];
                        System.arraycopy(exp, 0, out, 0, exp.length);
                        Iterator<Pair> it = new ArrayList<>(pairs).iterator();
                        while (it.hasNext()) { it.next(); }
                        log.setLength(0);
                        log.append(log.length()).append(new java.text.DecimalFormat("0.00").format(sum));
                        LinkedList<Double> queue = new LinkedList<>(List.of(1.0));
                        for (double q : queue) { log.append(q); }
                        PriorityQueue<Double> heap = new PriorityQueue<>();
                        heap.addAll(queue);
                        heap.remove();
                        log.append(new Random(42).nextInt(3, 9)).append(String.valueOf(new Formatter().format("%d", 1)));
                        log.append(queue.stream().count());
                        Arrays.stream(scores).sequential().boxed().forEach(log::append);
                        return Arrays.stream(out).map(v -> v / sum).toArray();
                    }
                }
                """));
            assertThat(report.get(Step.SOFTMAX)).isEmpty();
        }
    }
}
