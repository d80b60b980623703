package cnnkit.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.BuiltChecksAccess;
import cnnkit.grader.common.Assignment;
import cnnkit.grader.run.CheckResult.Status;
import cnnkit.grader.run.PlannedChecks.Check;
import cnnkit.grader.testing.Submissions;
import cnnkit.hidden.support.HiddenProperty;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine-free runner and its plan. That it gives the engines' results is checked wherever a grader test grades
 * a submission in this JVM ({@link Submissions#runHidden}: solutions, stubs, every mutant, the alternative correct
 * code) and, through the workers, by the hostile corpus; here are the plan itself and the limits.
 */
@DisplayName("The engine-free runner of the hidden checks")
class PlannedRunnerTest {
    private static final Path RELU = Submissions.SOLUTIONS.resolve("Relu.java");
    private static final String APPLY_MAP = "public static double[][] apply(double[][] featureMap) {";

    @Nested
    @DisplayName("its plan, recorded when the grader is built")
    class ThePlan {
        @ParameterizedTest(name = "{0}")
        @EnumSource(Assignment.class)
        @DisplayName("lists every discovered check once, in discovery order, with its display name")
        void listsTheDiscoveredChecks(Assignment assignment) {
            Map<String, String> planned = new LinkedHashMap<>();
            PlannedChecks.read(assignment).orElseThrow().forEach(c -> planned.put(c.id(), c.name()));

            assertThat(planned).containsExactlyEntriesOf(BuiltChecksAccess.read(assignment));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Assignment.class)
        @DisplayName("gives each property jqwik's tries: as many as it draws, less those its own assumption rejects")
        void propertiesHaveTheirTries(Assignment assignment) {
            int tries = HiddenProperty.class.getAnnotation(Property.class).tries();
            List<Check> properties = PlannedChecks.read(assignment).orElseThrow().stream()
                    .filter(Check::property)
                    .toList();

            assertThat(properties).isNotEmpty().allMatch(c -> c.engine().equals("jqwik"));
            for (Check c : properties) {
                int recorded = com.google.gson.JsonParser.parseString(c.tries())
                        .getAsJsonArray()
                        .size();
                boolean assumes = c.id().startsWith("Convolution.");
                assertThat(recorded).as(c.id()).isBetween(assumes ? 1 : tries, tries);
            }
        }

        @Test
        @DisplayName("recorded again in a fresh JVM, is the same byte for byte (the seed is fixed)")
        void recordedAgainIsTheSame() throws IOException, InterruptedException {
            Path out = Submissions.freshFolder("plans-again");
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "cnnkit.grader.BuiltChecks",
                            out.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(out.resolveSibling("plans-again.log").toFile())
                    .start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("ended").isTrue();
            assertThat(p.exitValue())
                    .as(Files.readString(out.resolveSibling("plans-again.log")))
                    .isZero();
            for (Assignment assignment : Assignment.values()) {
                String resource = PlannedChecks.resource(assignment);
                assertThat(Files.readString(out.resolve(resource), StandardCharsets.UTF_8))
                        .as(resource)
                        .isEqualTo(new String(
                                PlannedChecks.class
                                        .getClassLoader()
                                        .getResourceAsStream(resource)
                                        .readAllBytes(),
                                StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    @DisplayName("a test that outlasts its check's time limit is a TIMEOUT, as the engines say, and the rest still run")
    void aSlowTestIsATimeout() {
        // each call within the call limit (2 s), the two of rejectsEmpty beyond its check's limit (3 s)
        Path classes = relu(
                APPLY_MAP + "\n if (featureMap != null && (featureMap.length == 0"
                        + " || featureMap[0].length == 0)) { try { Thread.sleep(1600); } catch (InterruptedException e) {"
                        + " Thread.currentThread().interrupt(); } }\n",
                "slow-relu");

        List<CheckResult> results = Submissions.runHidden(classes, Assignment.FORWARD, List.of(Step.RELU));

        assertThat(result(results, "Relu.rejectsEmpty").status()).isEqualTo(Status.TIMEOUT);
        assertThat(results)
                .filteredOn(r -> !r.checkId().equals("Relu.rejectsEmpty"))
                .isNotEmpty()
                .allMatch(CheckResult::passed, "passed");
    }

    @Test
    @DisplayName("a try whose code throws a test framework's 'aborted' exception fails: it never picks its samples")
    void anAbortedTryFails() {
        Path classes = relu(
                APPLY_MAP + "\n if (featureMap != null && featureMap.length == 2) throw new"
                        + " org.opentest4j.TestAbortedException(\"not this sample\");\n",
                "aborting-relu");

        List<CheckResult> results = Submissions.runPlanned(classes, Assignment.FORWARD, List.of(Step.RELU));

        CheckResult property = result(results, "Relu.everyCellBecomesMaxOfZeroAndTheCell");
        assertThat(property.status()).isEqualTo(Status.ERROR);
        assertThat(property.message()).contains("TestAbortedException").contains("Relu.java:");
    }

    /** @return the one result of this check */
    private static CheckResult result(List<CheckResult> results, String id) {
        List<CheckResult> its =
                results.stream().filter(r -> r.checkId().equals(id)).toList();
        assertThat(its).as(id).hasSize(1);
        return its.get(0);
    }

    /** @return the solutions, their Relu with {@code replacement} for its line {@link #APPLY_MAP} */
    private static Path relu(String replacement, String name) {
        try {
            String source = Files.readString(RELU, StandardCharsets.UTF_8);
            assertThat(source).contains(APPLY_MAP);
            Path dir = Submissions.freshFolder(name + "-source");
            Path file = Files.writeString(dir.resolve("Relu.java"), source.replace(APPLY_MAP, replacement));
            Path opentest4j = Path.of(org.opentest4j.TestAbortedException.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path classes = Submissions.freshFolder(name);
            cnnkit.grader.common.Trees.copy(Submissions.compiledSolutions(), classes);
            return Submissions.compile(classes, List.of(classes, opentest4j), List.of(file));
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
