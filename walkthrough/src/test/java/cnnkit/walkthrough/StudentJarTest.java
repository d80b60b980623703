package cnnkit.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Opens the built learners' jar, {@code cnn-walkthrough.jar}, and proves it holds no answers (run by
 * {@code mvn verify}, after {@code package}; see the root pom's {@code jar-tests} execution).
 */
@DisplayName("The learners' jar (cnn-walkthrough.jar) holds no answers")
class StudentJarTest {
    /** Package prefixes (jar folders) the learners' jar may hold; anything else fails the test. */
    private static final List<String> ALLOWED = List.of(
            "META-INF/",
            "cnnkit/walkthrough/",
            "cnnkit/grader/common/",
            "cnnkit/grader/collect/",
            "cnnkit/grader/compile/",
            "cnnkit/grader/check/",
            "cnnkit/grader/run/StudentClassLoader",
            "cnnkit/lecture/",
            "cnnkit/stubs/",
            "cnnkit/given/cnn/Network.java",
            "cnnkit/allowlist.txt",
            "lecture-data/",
            "picocli/",
            "org/apache/commons/csv/",
            "org/apache/commons/io/",
            "org/apache/commons/codec/",
            "org/objectweb/asm/",
            "org/jfree/");

    private static final int CONSTANT_CLASS = 7;
    private static final int CONSTANT_NAME_AND_TYPE = 12;

    /** The learner's steps as the walk calls them: through this interface, implemented by the probe. */
    private static final String IMPLEMENTATION = "cnnkit/walkthrough/Implementation";
    /** The learner's training step as the train command calls it: through this interface, implemented by a probe. */
    private static final String TRAINABLE = "cnnkit/walkthrough/training/Trainable";
    /** The demo's answers (walkthrough --reference): the lecture's results looked up, nothing computed. */
    private static final String LOOKUP = "cnnkit/walkthrough/LectureAnswers";

    private static Path jarPath;
    private static JarFile jar;
    private static Map<String, ClassReader> kitClasses;
    /** Methods with a step method's signature, and whether each calls the learner (cnn.*, Implementation, Trainable). */
    private static Map<String, Boolean> stepShaped;

    @BeforeAll
    static void open() throws IOException, ClassNotFoundException {
        // Set by the jar-tests execution only: under -Dtest the default (pre-package) execution would see a stale jar.
        String buildDir = System.getProperty("kit.build.dir");
        assumeTrue(buildDir != null, "opens the built jar: runs in the jar-tests execution of `mvn verify`");
        jarPath = Path.of(buildDir, "cnn-walkthrough.jar");
        assertThat(jarPath).isRegularFile();
        jar = new JarFile(jarPath.toFile());
        kitClasses = new TreeMap<>();
        for (JarEntry e : jar.stream().toList()) {
            if (e.getName().startsWith("cnnkit/") && e.getName().endsWith(".class")) {
                try (InputStream in = jar.getInputStream(e)) {
                    kitClasses.put(e.getName(), new ClassReader(in.readAllBytes()));
                }
            }
        }
        stepShaped = stepShapedMethods();
    }

    @AfterAll
    static void close() throws IOException {
        if (jar != null) {
            jar.close();
        }
    }

    /** @return each method with the signature of a step method, and whether it calls cnn.* or the Implementation */
    private static Map<String, Boolean> stepShapedMethods() throws ClassNotFoundException {
        Set<String> stepDescriptors = new TreeSet<>();
        for (Step step : Step.values()) {
            for (Method m : Class.forName("cnn." + step.className()).getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && m.getParameterCount() > 0) {
                    stepDescriptors.add(Type.getMethodDescriptor(m));
                }
            }
        }
        Map<String, Boolean> delegates = new TreeMap<>();
        for (ClassReader reader : kitClasses.values()) {
            reader.accept(
                    new ClassVisitor(Opcodes.ASM9) {
                        @Override
                        public MethodVisitor visitMethod(
                                int access, String name, String descriptor, String signature, String[] exceptions) {
                            if ((access & Opcodes.ACC_ABSTRACT) != 0 || !stepDescriptors.contains(descriptor)) {
                                return null;
                            }
                            String where = reader.getClassName() + "." + name + descriptor;
                            delegates.put(where, false);
                            return new MethodVisitor(Opcodes.ASM9) {
                                @Override
                                public void visitMethodInsn(
                                        int op, String owner, String method, String desc, boolean itf) {
                                    if (owner.startsWith("cnn/")
                                            || owner.equals(IMPLEMENTATION)
                                            || owner.equals(TRAINABLE)) {
                                        delegates.put(where, true);
                                    }
                                }
                            };
                        }
                    },
                    ClassReader.SKIP_DEBUG);
        }
        return delegates;
    }

    @Test
    @DisplayName("every entry is in an allowed package: no hidden test, no oracle, no solution, no test library")
    void onlyAllowedPackages() {
        List<String> names = jar.stream()
                .map(JarEntry::getName)
                .filter(n -> !n.endsWith("/"))
                .toList();

        assertThat(names)
                .filteredOn(n -> ALLOWED.stream().noneMatch(n::startsWith))
                .as("entries outside %s", ALLOWED)
                .isEmpty();
        assertThat(names)
                .noneMatch(n -> n.startsWith("cnn/")
                        || n.contains("/hidden/")
                        || n.contains("_base")
                        || n.contains("sample-class")
                        || n.startsWith("handout/"));
        assertThat(kitClasses).isNotEmpty().containsKey("cnnkit/walkthrough/cli/Main.class");
    }

    @Test
    @DisplayName("its only Java sources are the exercise stubs and the given Network, byte for byte")
    void sourcesAreTheStubs() throws IOException {
        List<String> sources = jar.stream()
                .map(JarEntry::getName)
                .filter(n -> n.endsWith(".java"))
                .toList();
        Path exercises = Path.of("..", "exercises", "src");
        List<String> stubs;
        try (var files = Files.list(exercises.resolve("main/java/cnn"))) {
            stubs = files.map(f -> "cnnkit/stubs/" + f.getFileName()).toList();
        }

        assertThat(sources)
                .allMatch(n -> n.startsWith("cnnkit/stubs/") || n.equals("cnnkit/given/cnn/Network.java"))
                .containsAll(stubs)
                .hasSize(stubs.size() + 1);
        for (String name : sources) {
            Path original = name.startsWith("cnnkit/stubs/")
                    ? exercises.resolve("main/java/cnn").resolve(name.substring("cnnkit/stubs/".length()))
                    : exercises.resolve("given/java").resolve(name.substring("cnnkit/given/".length()));
            try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .as(name)
                        .isEqualTo(Files.readString(original));
            }
        }
    }

    @Test
    @DisplayName("every class the kit's code names is in the jar or the JDK, except the learner's own cnn.*")
    void everyReferenceResolves() {
        Set<String> missing = new TreeSet<>();
        for (ClassReader reader : kitClasses.values()) {
            for (String type : referencedTypes(reader)) {
                if (!type.startsWith("cnn/") && jar.getEntry(type + ".class") == null && !inJdk(type)) {
                    missing.add(reader.getClassName() + " -> " + type);
                }
            }
        }

        assertThat(missing).isEmpty();
    }

    @Test
    @DisplayName("the walk and the training reach the learner's code through the probes, the only classes that name "
            + "cnn.*")
    void theProbeCallsTheLearner() {
        assertThat(stepShaped).containsValue(true);
        assertThat(kitClasses.values())
                .filteredOn(c -> referencedTypes(c).stream().anyMatch(t -> t.startsWith("cnn/")))
                .extracting(ClassReader::getClassName)
                .containsExactly("cnnkit/walkthrough/probe/LearnerProbe", "cnnkit/walkthrough/probe/TrainingProbe");
    }

    @Test
    @DisplayName(
            "every other method shaped like a step, run from the jar on new inputs, refuses or gives no step's answer")
    void noStepComputedOnArbitraryInput() throws Exception {
        List<String> checked = new ArrayList<>();
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {jarPath.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Random random = new Random(12);
            for (String method :
                    stepShaped.keySet().stream().filter(m -> !stepShaped.get(m)).toList()) {
                String owner = method.substring(0, method.lastIndexOf('.', method.indexOf('(')));
                String name = method.substring(owner.length() + 1, method.indexOf('('));
                String descriptor = method.substring(method.indexOf('('));
                Class<?> c = loader.loadClass(owner.replace('/', '.'));
                Method m = Arrays.stream(c.getDeclaredMethods())
                        .filter(d -> d.getName().equals(name)
                                && Type.getMethodDescriptor(d).equals(descriptor))
                        .findFirst()
                        .orElseThrow();
                m.setAccessible(true);
                Object target = Modifier.isStatic(m.getModifiers())
                        ? null
                        : c.getField("INSTANCE").get(null);
                Object[] args = arguments(m.getParameterTypes(), random);
                Object result;
                try {
                    result = m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    assertThat(e.getCause()).as(method).isInstanceOf(IllegalArgumentException.class);
                    checked.add(method + " refused");
                    continue;
                }
                for (Method step : Implementation.class.getMethods()) {
                    if (Type.getMethodDescriptor(step).equals(descriptor)) {
                        assertThat(result)
                                .as(method + " gives what " + step.getName() + " gives")
                                .isNotEqualTo(answer(step, args));
                    }
                }
                checked.add(method + " differs");
            }
        }
        assertThat(checked).as("the demo's lecture answers are among them").anyMatch(m -> m.startsWith(LOOKUP));
    }

    /** @return the right answer of that step on these arguments, or null if the step refuses them */
    private static Object answer(Method step, Object[] args) throws IllegalAccessException {
        try {
            return step.invoke(Reference.INSTANCE, args);
        } catch (InvocationTargetException e) {
            return null;
        }
    }

    /** @return arguments that are no input of the lecture: random cells (3 or 3x3), its stride 1 and padding 0 */
    private static Object[] arguments(Class<?>[] types, Random random) {
        int[] ints = {1, 0};
        int nextInt = 0;
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            double[] row = random.doubles(3, -2, 2).toArray();
            args[i] = types[i] == int.class
                    ? (Object) ints[nextInt++]
                    : types[i] == double[].class
                            ? row
                            : new double[][] {
                                row, row.clone(), random.doubles(3, -2, 2).toArray()
                            };
        }
        return args;
    }

    @Test
    @DisplayName("`java -jar cnn-walkthrough.jar walkthrough`, as the handout says, compiles and walks src/main/java")
    void runsAsTheHandoutSays(@TempDir Path handout) throws IOException, InterruptedException {
        String log = runInHandout(handout, "walkthrough", "--speed", "0");
        assertThat(log).contains("matching the lecture: 14");
    }

    @Test
    @DisplayName("`java -jar cnn-walkthrough.jar train` trains src/main/java; its --reference is not there (exit 2)")
    void trainsAsTheHandoutSays(@TempDir Path handout) throws IOException, InterruptedException {
        String log = runInHandout(handout, "train", "--epochs", "1");
        assertThat(log.lines().reduce((a, b) -> b).orElseThrow())
                .matches("test accuracy: 0\\.\\d{3} \\(\\d+ of 360\\)");
        assertThat(handout.resolve("train-out/filters.png")).isRegularFile();

        Process p = java(handout, "train", "--reference").start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("done within 60 s").isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("--reference is not available here");
    }

    /**
     * Runs the jar in a folder laid out as the handout, with the reference's sources in src/main/java (and no given
     * Network.java: the jar brings it), and expects exit 0.
     *
     * @return what it printed
     */
    private static String runInHandout(Path handout, String... args) throws IOException, InterruptedException {
        Path cnn = Files.createDirectories(handout.resolve("src/main/java/cnn"));
        try (var sources = Files.list(Path.of("..", "solutions", "src", "main", "java", "cnn"))) {
            for (Path source : sources.toList()) {
                Files.copy(source, cnn.resolve(source.getFileName()));
            }
        }
        Path log = handout.resolve("output.txt");
        Process p = java(handout, args)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("done within 60 s").isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        return Files.readString(log);
    }

    private static ProcessBuilder java(Path folder, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + folder,
                "-jar",
                jarPath.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(folder.toFile());
    }

    @Test
    @DisplayName("the answers it needs are data: the lecture's CSVs, the precomputed gradients and mistake table")
    void answersAreData() throws IOException {
        assertThat(jar.getEntry("cnnkit/walkthrough/mistakes.csv")).isNotNull();
        assertThat(jar.getEntry("cnnkit/walkthrough/lecture-gradients.csv")).isNotNull();
        assertThat(jar.getEntry("lecture-data/Convolution/feature-map.csv")).isNotNull();
        assertThat(jar.getManifest()).isNotNull();
    }

    /** @return every class the class file names where the JVM may load it: constant pool classes and descriptors */
    private static Set<String> referencedTypes(ClassReader reader) {
        Set<String> types = new TreeSet<>();
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset > 0 && reader.readByte(offset - 1) == CONSTANT_CLASS) {
                addType(types, Type.getObjectType(reader.readUTF8(offset, buffer)));
            } else if (offset > 0 && reader.readByte(offset - 1) == CONSTANT_NAME_AND_TYPE) {
                String descriptor = reader.readUTF8(offset + 2, buffer);
                addType(types, descriptor.startsWith("(") ? Type.getMethodType(descriptor) : Type.getType(descriptor));
            }
        }
        return types;
    }

    private static void addType(Set<String> types, Type type) {
        switch (type.getSort()) {
            case Type.METHOD -> {
                addType(types, type.getReturnType());
                for (Type argument : type.getArgumentTypes()) {
                    addType(types, argument);
                }
            }
            case Type.ARRAY -> addType(types, type.getElementType());
            case Type.OBJECT -> types.add(type.getInternalName());
            default -> {} // a primitive
        }
    }

    private static boolean inJdk(String internalName) {
        try {
            Class.forName(internalName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
