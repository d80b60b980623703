package cnnkit.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.Fixtures;
import cnnkit.grader.run.CheckResult.Status;
import cnnkit.grader.testing.Submissions;
import cnnkit.lecture.Limits;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forked worker: what survives a check that never ends or a JVM that exits under it. */
@DisplayName("The forked runner")
class ForkedRunnerTest {
    private static final Limits QUICK = Submissions.limits(Duration.ofSeconds(1), 3);

    @TempDir
    Path temp;

    @Test
    @DisplayName("stops a check that never ends, marks it TIMEOUT and runs the remaining checks in a fresh worker")
    void timeoutKillsAndRestarts() throws IOException {
        Path classes = compileSolutionsWithRelu(
                "Require.rectangular(featureMap, \"featureMap\");", "while (featureMap != null) { }");
        ForkedRunner.Outcome outcome = new ForkedRunner(QUICK).run(classes, List.of(Step.RELU), temp);

        assertThat(outcome.results())
                .isNotEmpty()
                .allMatch(r -> r.step() == Step.RELU)
                .anyMatch(r -> r.status() == Status.TIMEOUT && r.message().contains("stopped it"));
        assertThat(outcome.results().stream().map(CheckResult::checkId)).doesNotHaveDuplicates();
        assertThat(outcome.incidents()).anyMatch(i -> i.contains("stopped after 1 s"));
    }

    @Test
    @DisplayName("reports a check whose code ends the JVM as ERROR, with the exit status, and goes on")
    void exitIsAnError() throws IOException {
        Path classes = compileSolutionsWithRelu("Require.rectangular(featureMap, \"featureMap\");", "System.exit(3);");
        ForkedRunner.Outcome outcome = new ForkedRunner(QUICK).run(classes, List.of(Step.RELU), temp);

        // Checks that never reach the exiting line (e.g. the 3-D shape check) may pass; none may be lost or timed out.
        assertThat(outcome.results())
                .isNotEmpty()
                .anyMatch(r -> r.status() == Status.ERROR && r.message().contains("exit status 3"))
                .noneMatch(r -> r.status() == Status.TIMEOUT);
        assertThat(outcome.results().stream().map(CheckResult::checkId)).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("says a step returned null, not that it threw, when the check cannot read its result")
    void nullResultIsNamed() throws IOException {
        Path src = Fixtures.copy(Fixtures.SOLUTIONS, temp.resolve("src"));
        Fixtures.edit(
                src.resolve("Softmax.java"),
                "Require.nonEmpty(scores, \"scores\");",
                "Require.nonEmpty(scores, \"scores\"); if (scores.length > 0) { return null; }");
        Path classes = Submissions.compileFolder(src, temp.resolve("classes"));

        List<CheckResult> results = new ForkedRunner(QUICK)
                .run(classes, List.of(Step.SOFTMAX), temp)
                .results();

        assertThat(results)
                .filteredOn(r -> !r.passed())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.message()).doesNotContain("threw NullPointerException", "<local"))
                .anyMatch(r -> r.message().contains("returned null"));
    }

    @Test
    @DisplayName("charges an OutOfMemoryError to the check it happened in and runs every other check in a fresh worker")
    void outOfMemoryCostsOneCheck() throws IOException {
        Path src = Fixtures.copy(Fixtures.SOLUTIONS, temp.resolve("src"));
        Fixtures.edit(
                src.resolve("Relu.java"),
                "Require.sameShapeStack(featureMaps, \"featureMaps\");",
                "Require.sameShapeStack(featureMaps, \"featureMaps\"); if (featureMaps.length > 0) { "
                        + "double[] huge = new double[Integer.MAX_VALUE - 16]; huge[0] = 1; }");
        Path classes = Submissions.compileFolder(src, temp.resolve("classes"));

        ForkedRunner.Outcome outcome = new ForkedRunner(QUICK).run(classes, List.of(Step.RELU, Step.FLATTENING), temp);

        List<CheckResult> relu =
                outcome.results().stream().filter(r -> r.step() == Step.RELU).toList();
        assertThat(relu)
                .anyMatch(r -> r.status() == Status.ERROR && r.message().contains("ran out of memory"))
                .anyMatch(CheckResult::passed);
        assertThat(outcome.results())
                .filteredOn(r -> r.step() == Step.FLATTENING)
                .isNotEmpty()
                .allMatch(CheckResult::passed);
        assertThat(outcome.incidents()).anyMatch(i -> i.contains("ran out of memory"));
    }

    @Test
    @DisplayName("reuses a worker for the next submission with the results it gets alone, but never after an incident")
    void reusedWorkerGivesTheSameResults() throws IOException {
        Path exits = compileSolutionsWithRelu("Require.rectangular(featureMap, \"featureMap\");", "System.exit(3);");
        Path correct = Submissions.compileFolder(Fixtures.SOLUTIONS, temp.resolve("correct"));
        List<CheckResult> alone =
                new ForkedRunner(QUICK).run(correct, List.of(Step.RELU), temp).results();

        try (ForkedRunner runner = new ForkedRunner(QUICK, null, temp.resolve("workers"), 10)) {
            assertThat(runner.run(correct, List.of(Step.RELU), temp).results()).isEqualTo(alone);
            assertThat(runner.run(correct, List.of(Step.RELU), temp).results()).isEqualTo(alone);
            assertThat(runner.workersStarted()).isEqualTo(1);

            assertThat(runner.run(exits, List.of(Step.RELU), temp).incidents()).isNotEmpty();
            int started = runner.workersStarted();
            assertThat(started).isGreaterThan(1); // the exit ended worker 1; fresh ones ran the rest
            assertThat(runner.run(correct, List.of(Step.RELU), temp).results()).isEqualTo(alone);
            assertThat(runner.workersStarted()).isEqualTo(started + 1); // none reused after the incident
        }
    }

    private Path compileSolutionsWithRelu(String from, String to) throws IOException {
        Path src = Fixtures.copy(Fixtures.SOLUTIONS, temp.resolve("src"));
        Fixtures.edit(src.resolve("Relu.java"), from, to);
        return Submissions.compileFolder(src, temp.resolve("classes"));
    }
}
