package cnnkit.grader.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnkit.grader.cli.Main;
import cnnkit.grader.common.Assignment;
import cnnkit.grader.report.Points;
import cnnkit.grader.score.Rubric;
import cnnkit.grader.testing.Submissions;
import cnnkit.lecture.Step;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The student handout")
class HandoutTest {
    private static final Path SOLUTIONS = Path.of("../solutions/src/main/java/cnn");
    private static final Path STUBS = Submissions.STUBS;
    /** Code students use but do not write (cnn.GradientCheck): shipped as it is. */
    private static final Path GIVEN = Path.of("../exercises/src/given/java/cnn");

    private static final Path PUBLIC_TESTS = Path.of("../exercises/src/test/java");

    /** A zero of each primitive type, boxed as the type itself (a ternary chain would widen them all). */
    private static final Map<Class<?>, Object> ZEROS = Map.of(
            boolean.class,
            false,
            byte.class,
            (byte) 0,
            short.class,
            (short) 0,
            char.class,
            '\0',
            int.class,
            0,
            long.class,
            0L,
            float.class,
            0f,
            double.class,
            0.0);

    @TempDir
    Path temp;

    Path handout;
    List<Path> files;

    @BeforeEach
    void writeHandout() throws IOException {
        handout = temp.resolve("handout");
        files = new Handout(CoursePoints.perStep(Rubric.defaults())).writeTo(handout);
    }

    @Nested
    @DisplayName("holds no solution and no hidden test")
    class NothingLeaks {
        @Test
        @DisplayName("no file has the content or the name of a solution-only source")
        void noSolutionSource() throws IOException {
            Set<String> stubNames = names(STUBS);
            List<Path> solutions = javaFiles(SOLUTIONS);
            assertThat(solutions).isNotEmpty();
            for (Path f : files) {
                byte[] content = Files.readAllBytes(handout.resolve(f));
                for (Path solution : solutions) {
                    assertThat(content)
                            .as("%s has the content of the solution %s", f, solution.getFileName())
                            .isNotEqualTo(Files.readAllBytes(solution));
                    if (!stubNames.contains(solution.getFileName().toString())) {
                        assertThat(f.getFileName().toString())
                                .as("solution-only file name")
                                .isNotEqualTo(solution.getFileName().toString());
                    }
                }
            }
        }

        @Test
        @DisplayName("no file is or names a hidden test")
        void noHiddenTest() throws IOException {
            for (Path f : files) {
                assertThat(f.toString().replace('\\', '/')).doesNotContainIgnoringCase("hidden");
                String text = Files.readString(handout.resolve(f), StandardCharsets.UTF_8);
                assertThat(text)
                        .as(f.toString())
                        .doesNotContain("cnnkit.hidden")
                        .doesNotContain("HiddenTest");
            }
        }

        @Test
        @DisplayName("its cnn classes are exactly the stubs and the given code, and every public method of the stubs "
                + "throws 'not implemented'")
        void everyMainMethodThrowsNotImplemented() throws Exception {
            Path sources = handout.resolve("src/main/java/cnn");
            Set<String> expected = new TreeSet<>(names(STUBS));
            expected.addAll(names(GIVEN));
            assertThat(names(GIVEN)).contains("GradientCheck.java");
            assertThat(names(sources)).isEqualTo(expected);
            for (String given : names(GIVEN)) {
                assertThat(sources.resolve(given)).hasSameBinaryContentAs(GIVEN.resolve(given));
            }
            Path classes = compile(sources);
            int methods = 0;
            try (URLClassLoader loader =
                    new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
                for (String name : names(STUBS)) {
                    Class<?> c = loader.loadClass("cnn." + name.replace(".java", ""));
                    for (Method m : c.getDeclaredMethods()) {
                        if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
                            assertThatThrownBy(() -> invokeWithDefaults(m))
                                    .as("%s.%s", c.getSimpleName(), m.getName())
                                    .isInstanceOf(UnsupportedOperationException.class)
                                    .hasMessageContaining("is not implemented yet")
                                    .hasMessageContaining("see src/main/java/cnn/" + c.getSimpleName() + ".java")
                                    .hasMessageNotContaining("exercises/");
                            methods++;
                        }
                    }
                }
            }
            assertThat(methods).as("public methods checked").isGreaterThanOrEqualTo(Step.values().length);
        }
    }

    @Nested
    @DisplayName("is a standalone Maven project")
    class Standalone {
        @Test
        @DisplayName("its pom has no parent, no kit artifact, and the kit's pinned versions")
        void pomIsStandalone() throws IOException {
            String pom = Files.readString(handout.resolve("pom.xml"));
            String root = Files.readString(Path.of("../pom.xml"));
            assertThat(pom)
                    .doesNotContain("<parent>")
                    .doesNotContain("<groupId>cnnkit</groupId>")
                    .doesNotContain("@")
                    .contains("<maven.compiler.release>17</maven.compiler.release>");
            for (String property : List.of(
                    "junit.version",
                    "jqwik.version",
                    "assertj.version",
                    "commons-csv.version",
                    "maven-compiler-plugin.version",
                    "maven-surefire-plugin.version")) {
                String version = property(root, property);
                assertThat(pom).as(property).contains("<version>" + version + "</version>");
            }
        }

        @Test
        @DisplayName("carries every public test, the lecture data with its loader, the README and the ERRATA")
        void carriesTestsAndData() throws IOException {
            for (Path test : javaFiles(PUBLIC_TESTS)) {
                assertThat(handout.resolve("src/test/java").resolve(PUBLIC_TESTS.relativize(test)))
                        .exists();
            }
            assertThat(handout.resolve("src/test/java/cnnkit/lecture/LectureData.java"))
                    .exists();
            assertThat(handout.resolve("src/test/java/cnnkit/lecture/Step.java"))
                    .exists();
            for (Step step : Step.values()) {
                assertThat(handout.resolve("src/main/java/cnn/" + step.sourceFile()))
                        .exists();
            }
            assertThat(handout.resolve("src/test/resources/lecture-data/Convolution/image.csv"))
                    .exists();
            assertThat(handout.resolve("src/test/resources/junit-platform.properties"))
                    .exists();
            assertThat(handout.resolve(".gitignore")).exists();
            assertThat(handout.resolve(".mvn/maven.config"))
                    .as("Maven quiet by default")
                    .content()
                    .contains("-q");
            assertThat(handout.resolve(".mvn/jvm.config")).exists();
            for (String doc : List.of("README.md", "ERRATA.md")) {
                if (Files.exists(Path.of("../lecture-data", doc))) {
                    assertThat(handout.resolve("lecture-data/" + doc))
                            .as("written for students: no kit-only file, test class or issue named")
                            .content()
                            .doesNotContain("LectureDataTest", "solutions/", "000_", "issue ");
                }
            }
            Path services = Path.of("../exercises/src/test/resources/META-INF/services");
            if (Files.isDirectory(services)) {
                for (String name : names(services)) {
                    assertThat(handout.resolve("src/test/resources/META-INF/services/" + name))
                            .exists();
                }
            }
        }

        @Test
        @DisplayName("the stubs' commands and paths are the handout's: mvn test -Dtest=<Step>Test, src/...")
        void stubCommandsWorkInTheHandout() throws IOException {
            for (Step step : Step.values()) {
                String kit = Files.readString(STUBS.resolve(step.sourceFile()));
                String stub = Files.readString(handout.resolve("src/main/java/cnn/" + step.sourceFile()));
                assertThat(kit)
                        .as("the kit's stub names its kit command")
                        .contains("mvn -q -Pstudent -pl exercises -am test -Dtest=" + step.className() + "Test ");
                assertThat(stub)
                        .contains("{@code mvn test -Dtest=" + step.className() + "Test}")
                        .contains("src/test/java/cnn/" + step.className() + "Test.java")
                        .doesNotContain("-Pstudent")
                        .doesNotContain("exercises/");
            }
        }

        @Test
        @DisplayName("its README lists the steps in lecture order")
        void readmeListsStepsInOrder() throws IOException {
            String readme = Files.readString(handout.resolve("README.md"));
            int last = -1;
            for (Step step : Step.values()) {
                int at = readme.indexOf("`" + step.className() + "`");
                assertThat(at).as(step.className()).isGreaterThan(last);
                last = at;
            }
            assertThat(readme).contains("mvn test").contains("walkthrough");
            Map<Step, String> points = CoursePoints.perStep(Rubric.defaults());
            for (Step step : Step.values()) {
                assertThat(readme)
                        .as("what %s is worth", step)
                        .contains("`" + step.className() + "Test` | " + points.get(step) + " |");
            }
            assertThat(readme).contains("Points are out of 100").doesNotContain("@points");
            Rubric backprop = Rubric.defaults(cnnkit.grader.common.Assignment.BACKPROP);
            for (Step step : cnnkit.grader.common.Assignment.BACKPROP.steps()) {
                String unit =
                        cnnkit.grader.common.Assignment.BACKPROP.unit(step).orElseThrow();
                assertThat(readme)
                        .as("Part 2's row of %s", unit)
                        .contains("`" + unit + "Test` | " + Points.format(backprop.stepTotal(step)) + " |");
            }
            assertThat(readme).contains("Points are out of " + Points.format(backprop.maxScore()) + ".");
            assertThat(readme)
                    .as("students get the learners' jar, never the instructors'")
                    .contains("java -jar cnn-walkthrough.jar walkthrough")
                    .doesNotContain("cnn-grader");
        }

        @Test
        @DisplayName("the handout command writes a folder and a zip, and says what it needs without either")
        void command() {
            Path dir = temp.resolve("cli");
            Path zip = temp.resolve("cli.zip");
            assertThat(Main.run("handout", "--out", dir.toString(), "--zip", zip.toString()))
                    .isZero();
            assertThat(dir.resolve("pom.xml")).exists();
            assertThat(zip).exists();
            assertThat(Main.run("handout")).isEqualTo(2);
            assertThat(Main.run("handout", "--out", dir.toString()))
                    .as("not empty any more")
                    .isEqualTo(2);
        }

        @Test
        @DisplayName("refuses to write into a folder that is not empty")
        void refusesNonEmptyFolder() {
            assertThatThrownBy(() -> new Handout(CoursePoints.perStep(Rubric.defaults())).writeTo(handout))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not an empty folder");
        }

        @Test
        @DisplayName("as a zip: the same files below cnn-exercises/, byte for byte the same zip twice")
        void zip() throws IOException {
            Path a = temp.resolve("a.zip");
            Path b = temp.resolve("b.zip");
            new Handout(CoursePoints.perStep(Rubric.defaults())).writeZip(a);
            new Handout(CoursePoints.perStep(Rubric.defaults())).writeZip(b);
            Set<String> entries = new TreeSet<>();
            try (ZipFile zip = new ZipFile(a.toFile())) {
                Enumeration<? extends ZipEntry> e = zip.entries();
                while (e.hasMoreElements()) {
                    entries.add(e.nextElement().getName());
                }
            }
            assertThat(entries)
                    .isEqualTo(files.stream()
                            .map(f -> Handout.TOP_FOLDER + "/" + f.toString().replace('\\', '/'))
                            .collect(Collectors.toCollection(TreeSet::new)));
            assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        }
    }

    @Nested
    @DisplayName("has a GitHub Classroom workflow")
    class Classroom {
        @Test
        @DisplayName(
                "valid YAML with one command test per step, in lecture order, for the step's points, and a reporter summing them")
        void oneTestPerStep() throws IOException {
            List<Matcher> commands = checkWorkflow(
                    handout.resolve(".github/workflows/classroom.yml"),
                    Assignment.FORWARD,
                    Pattern.compile("mvn -B -q test -Dstep=(\\w+) -Dtest='(\\w+)'"));
            for (Matcher m : commands) {
                assertThat(m.group(2)).isEqualTo(m.group(1) + "Test");
            }
        }

        @Test
        @DisplayName("for Part 2 (handout --assignment backprop): one test per backward pass and one for Training, "
                + "each running its public tests for Part 2's points")
        void part2OneTestPerUnit() throws IOException {
            Path part2 = temp.resolve("part2");
            assertThat(Main.run("handout", "--assignment", "backprop", "--out", part2.toString()))
                    .isZero();
            List<Matcher> commands = checkWorkflow(
                    part2.resolve(".github/workflows/classroom.yml"),
                    Assignment.BACKPROP,
                    Pattern.compile("mvn -B -q test (?:-Dstep=(\\w+) -Dstep.with=CrossEntropy -Dstep.tests=(\\w+) )?"
                            + "-Dtest='(\\w+)'"));
            for (Matcher m : commands) {
                String tests = m.group(3);
                assertThat(files).as(tests).contains(Path.of("src/test/java/cnn/" + tests + ".java"));
                if (m.group(1) == null) {
                    assertThat(tests).as("the whole project for Training").isEqualTo(Step.TRAINING + "Test");
                } else {
                    assertThat(m.group(2)).isEqualTo(tests).isEqualTo(m.group(1) + "BackwardTest");
                }
            }
            assertThat(Files.readString(part2.resolve("README.md")))
                    .as("the same README as Part 1's handout")
                    .isEqualTo(Files.readString(handout.resolve("README.md")));
        }

        @Test
        @DisplayName("handout --assignment refuses an unknown part, and a rubric of the other part")
        void part2Misuse() {
            assertThat(Main.run(
                            "handout",
                            "--assignment",
                            "sideways",
                            "--out",
                            temp.resolve("a").toString()))
                    .isEqualTo(2);
            Path part1Rubric = Path.of("../hidden-tests/src/main/resources/cnnkit/rubric.csv");
            assertThat(part1Rubric).isRegularFile();
            assertThat(Main.run(
                            "handout",
                            "--assignment",
                            "backprop",
                            "--rubric",
                            part1Rubric.toString(),
                            "--out",
                            temp.resolve("b").toString()))
                    .isEqualTo(2);
            assertThat(temp.resolve("a")).doesNotExist();
            assertThat(temp.resolve("b")).doesNotExist();
        }

        @Test
        @DisplayName(
                "refuses a rubric whose step totals are not whole numbers (Classroom reads max-score as an integer)")
        void wholePointsOnly() {
            Map<Step, String> points = new java.util.EnumMap<>(CoursePoints.perStep(Rubric.defaults()));
            points.put(Step.RELU, "7.5");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClassroomWorkflow.yaml(Assignment.FORWARD, points))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Relu is worth 7.5")
                    .hasMessageContaining("whole");
            Map<Step, String> part2 =
                    new java.util.EnumMap<>(CoursePoints.perStep(Rubric.defaults(Assignment.BACKPROP)));
            part2.put(Step.RELU, "2.5");
            assertThatThrownBy(() -> ClassroomWorkflow.yaml(Assignment.BACKPROP, part2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ReluBackward is worth 2.5")
                    .hasMessageContaining("every unit a whole number");
        }

        @Test
        @DisplayName("whose steps each have a public test class in the handout")
        void everyStepHasItsPublicTests() {
            for (Step step : Step.values()) {
                assertThat(files)
                        .as(step.className() + "Test")
                        .anyMatch(f -> f.getFileName().toString().equals(step.className() + "Test.java"));
            }
        }
    }

    /**
     * The inputs of {@code classroom-resources/autograding-command-grader@v1}, from its action.yml (commit
     * 7712c71): test-name and command are required.
     */
    private static final List<String> GRADER_INPUTS =
            List.of("test-name", "setup-command", "command", "timeout", "max-score");

    /**
     * Checks a Classroom workflow: valid YAML, one command test per unit of the assignment in order, each for its
     * unit's points (whole), run after a failed one, with only the action's inputs, and a reporter summing them.
     *
     * @return each test's command, matched by {@code command} (whose last group is the test class)
     */
    private static List<Matcher> checkWorkflow(Path yml, Assignment assignment, Pattern command) throws IOException {
        JsonNode steps = new YAMLMapper()
                .readTree(yml.toFile())
                .path("jobs")
                .path("run-autograding-tests")
                .path("steps");
        Map<Step, String> points = CoursePoints.perStep(Rubric.defaults(assignment));
        List<String> graded = new ArrayList<>();
        List<String> runners = new ArrayList<>();
        List<Matcher> commands = new ArrayList<>();
        JsonNode reporter = null;
        for (JsonNode step : steps) {
            String uses = step.path("uses").asText();
            if (uses.equals("classroom-resources/autograding-command-grader@v1")) {
                Matcher m = command.matcher(step.path("with").path("command").asText());
                assertThat(m.matches()).as(step.toString()).isTrue();
                String tests = m.group(m.groupCount());
                Assignment.Slot slot = Assignment.slotOf(tests.substring(0, tests.length() - "Test".length()))
                        .orElseThrow();
                assertThat(slot.assignment()).isEqualTo(assignment);
                String unit = assignment.unit(slot.step()).orElseThrow();
                assertThat(step.path("with").path("test-name").asText())
                        .isEqualTo(assignment.label(slot.step()) + " " + unit);
                assertThat(step.path("with").path("max-score").asText())
                        .as(unit)
                        .isEqualTo(points.get(slot.step()))
                        .matches("[0-9]+");
                assertThat(step.path("if").asText())
                        .as("runs after a failed step")
                        .isEqualTo("always()");
                assertThat(names(step.path("with")))
                        .as("the action's inputs")
                        .isSubsetOf(GRADER_INPUTS)
                        .contains("test-name", "command");
                graded.add(unit);
                runners.add(step.path("id").asText());
                commands.add(m);
            } else if (uses.equals("classroom-resources/autograding-grading-reporter@v1")) {
                reporter = step;
            } else if (step.has("run")) {
                assertThat(step.path("continue-on-error").asBoolean())
                        .as("a failing " + step.path("run") + " must not skip the grading")
                        .isTrue();
            }
        }
        assertThat(graded).containsExactlyElementsOf(assignment.units());
        assertThat(reporter).as("reporter step").isNotNull();
        assertThat(reporter.path("with").path("runners").asText())
                .isEqualTo(String.join(",", runners))
                .matches("^([a-zA-Z0-9]+,)*[a-zA-Z0-9]+$");
        assertThat(names(reporter.path("with"))).isSubsetOf("token", "runners");
        assertThat(reporter.path("if").asText()).isEqualTo("always()");
        for (String id : runners) {
            assertThat(reporter.path("env")
                            .path(id.toUpperCase(Locale.ROOT) + "_RESULTS")
                            .asText())
                    .isEqualTo("${{steps." + id + ".outputs.result}}");
        }
        return commands;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(m.find()).as("root pom property " + name).isTrue();
        return m.group(1).trim();
    }

    static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private Path compile(Path sources) {
        return Submissions.compileFolder(sources, temp.resolve("classes"));
    }

    /** Calls a static method with null for every object and 0 for every number: a stub must throw before looking. */
    private static void invokeWithDefaults(Method m) throws Throwable {
        Object[] args = new Object[m.getParameterCount()];
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            args[i] = types[i].isPrimitive() ? ZEROS.get(types[i]) : null;
        }
        try {
            m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
