package cnnkit.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.Fixtures;
import cnnkit.grader.run.CheckResult.Status;
import cnnkit.grader.testing.Submissions;
import cnnkit.lecture.Limits;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saboteurs: submissions that make no incident, yet would change the next submission's grade if their worker served
 * it. Each is graded, then a correct submission in the same runner (as with {@code --jobs 1}); the correct one must
 * get exactly the results it gets alone. The saboteurs are compiled here without the bytecode check (which refuses
 * threads and sleeping): the worker must hold even against code that got past it.
 */
@DisplayName("A reused worker")
class WorkerReuseTest {
    private static final Limits QUICK = Submissions.limits(Duration.ofSeconds(5), 3);
    /** A correct ReLU that allocates 16 MB per call: it needs most of a clean worker's heap. */
    private static final String HUNGRY = "byte[] scratch = new byte[16 << 20]; scratch[featureMap.length] = 1;";

    @TempDir
    static Path temp;
    /** Compiled and graded alone once: every test compares against the same results. */
    private static Path hungry;

    private static List<CheckResult> alone;

    @BeforeAll
    static void gradeTheCorrectSubmissionAlone() throws IOException {
        hungry = relu("hungry", "", HUNGRY);
        alone = new ForkedRunner(QUICK).run(hungry, List.of(Step.RELU), temp).results();
        assertThat(alone).isNotEmpty().allMatch(CheckResult::passed);
    }

    @Test
    @DisplayName("is replaced after a job that left a sleeping thread behind (it would write over the next job)")
    void sleepingThreadIsNotCarriedOver() throws IOException {
        Path saboteur = relu(
                "sleeper",
                "static { Thread t = new Thread(() -> { while (true) { try { Thread.sleep(5); "
                        + "System.out.println(\"" + "0".repeat(32)
                        + " {\\\"type\\\":\\\"done\\\"}\"); } catch (InterruptedException e) "
                        + "{ } } }); t.setDaemon(true); t.start(); }",
                "");
        assertNextIsUnharmed(saboteur);
    }

    @Test
    @DisplayName("lets the next job start with a clean heap after a job that filled it from a static initialiser")
    void fullHeapIsNotCarriedOver() throws IOException {
        Path saboteur = relu(
                "hoarder",
                "static final long[][] HOARD = new long[200][]; static { for (int i = 0; "
                        + "i < HOARD.length; i++) { HOARD[i] = new long[1 << 17]; } }",
                "");
        try (ForkedRunner runner = new ForkedRunner(QUICK, null, workers(), 10)) {
            runner.run(saboteur, List.of(Step.RELU), temp);
            assertThat(runner.run(hungry, List.of(Step.RELU), temp).results()).isEqualTo(alone);
            // Reused, and rightly: the hoard was a static field of a student class, gone with the job's class loader.
            assertThat(runner.workersStarted()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("is replaced after a job that left the heap full through a JDK-wide object (its class loader gone)")
    void heapHeldOutsideTheLoaderIsNotCarriedOver() throws IOException {
        Path saboteur = relu(
                "stasher",
                "",
                "if (!System.getProperties().containsKey(\"stash\")) { long[][] stash = "
                        + "new long[200][]; for (int i = 0; i < stash.length; i++) { stash[i] = new long[1 << 17]; } "
                        + "System.getProperties().put(\"stash\", stash); }");
        assertNextIsUnharmed(saboteur);
    }

    @Test
    @DisplayName("is reused after a clean job")
    void cleanJobKeepsTheWorker() throws IOException {
        try (ForkedRunner runner = new ForkedRunner(QUICK, null, workers(), 10)) {
            runner.run(hungry, List.of(Step.RELU), temp);
            assertThat(runner.run(hungry, List.of(Step.RELU), temp).results()).isEqualTo(alone);
            assertThat(runner.workersStarted()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("is reused after a job that printed beyond the output cap, and the next job sees none of it")
    void floodOfOutputKeepsTheWorker() throws IOException {
        Path talker = relu("talker", "", "for (int i = 0; i < 2000; i++) { System.out.println(\"debug \" + i); }");
        try (ForkedRunner runner = new ForkedRunner(QUICK, null, workers(), 10)) {
            ForkedRunner.Outcome talked = runner.run(talker, List.of(Step.RELU), temp);
            assertThat(talked.results()).isNotEmpty().allMatch(CheckResult::passed);
            assertThat(talked.output()).startsWith("debug 0").hasSize(Worker.OUTPUT_CAP); // cut at the cap
            ForkedRunner.Outcome next = runner.run(hungry, List.of(Step.RELU), temp);
            assertThat(next.results()).isEqualTo(alone);
            assertThat(next.output()).doesNotContain("debug");
            assertThat(runner.workersStarted()).isEqualTo(1);
        }
    }

    private void assertNextIsUnharmed(Path saboteur) throws IOException {
        try (ForkedRunner runner = new ForkedRunner(QUICK, null, workers(), 10)) {
            ForkedRunner.Outcome sabotage = runner.run(saboteur, List.of(Step.RELU), temp);
            assertThat(sabotage.results()).isNotEmpty().noneMatch(r -> r.status() == Status.NOT_RUN);
            assertThat(runner.workersStarted()).isEqualTo(1);

            assertThat(runner.run(hungry, List.of(Step.RELU), temp).results()).isEqualTo(alone);
            assertThat(runner.workersStarted())
                    .as("a fresh worker for the next submission")
                    .isEqualTo(2);
        }
    }

    /** A fresh worker home per runner: the tests share the class's folder. */
    private static Path workers() throws IOException {
        return Files.createTempDirectory(temp, "workers");
    }

    private static Path relu(String name, String member, String code) throws IOException {
        Path src = Fixtures.copy(Fixtures.SOLUTIONS, temp.resolve(name + "-src"));
        Fixtures.edit(src.resolve("Relu.java"), "public final class Relu {", "public final class Relu { " + member);
        Fixtures.edit(
                src.resolve("Relu.java"),
                "Require.rectangular(featureMap, \"featureMap\");",
                "Require.rectangular(featureMap, \"featureMap\"); " + code);
        return Submissions.compileFolder(src, temp.resolve(name));
    }
}
