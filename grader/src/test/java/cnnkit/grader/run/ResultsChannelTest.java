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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a forged result gets: never a pass. */
@DisplayName("The results channel")
class ResultsChannelTest {
    private static final Limits QUICK = Submissions.limits(Duration.ofSeconds(5), 3);

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Duplicate,    second result",
        "EarlyDone,    before every planned check",
        "UnknownId,    not in the plan",
        "GuessedNonce, nonce"
    })
    @DisplayName("voids a worker that breaks a rule, tries a fresh one, and fails every check when it recurs")
    void forgedFramesNeverPass(String forgery, String rule) throws IOException {
        ForkedRunner runner = new ForkedRunner(QUICK, null, null, 1, ForgingWorker.class.getName() + "$" + forgery);

        ForkedRunner.Outcome outcome = runner.run(temp, List.of(Step.RELU), temp);

        assertThat(outcome.results())
                .noneMatch(CheckResult::passed)
                .allMatch(r -> r.status() == Status.ERROR && r.message().contains("not graded"));
        assertThat(outcome.incidents())
                .hasSize(ForkedRunner.VIOLATIONS)
                .allMatch(i -> i.contains(rule))
                .first()
                .asString()
                .contains("a fresh test JVM ran the checks again");
        assertThat(runner.workersStarted()).isEqualTo(ForkedRunner.VIOLATIONS);
    }

    @Test
    @DisplayName("is not the worker's standard output: frames written to FileDescriptor.out are never read")
    void standardOutputIsNotTheChannel() throws IOException {
        Path src = Fixtures.copy(Fixtures.SOLUTIONS, temp.resolve("src"));
        Fixtures.edit(
                src.resolve("Relu.java"),
                "Require.rectangular(featureMap, \"featureMap\");",
                "if (featureMap != null) { try (java.io.PrintStream raw = new java.io.PrintStream(new java.io.FileOutputStream("
                        + "java.io.FileDescriptor.out))) { raw.println(\"" + "0".repeat(32)
                        + " {\\\"type\\\":\\\"done\\\"}\"); }"
                        + " throw new ArithmeticException(\"no ReLU\"); }");
        Path classes = Submissions.compileFolder(src, temp.resolve("classes"));

        ForkedRunner.Outcome outcome = new ForkedRunner(QUICK).run(classes, List.of(Step.RELU), temp);

        assertThat(outcome.incidents()).isEmpty();
        assertThat(outcome.results())
                .hasSizeGreaterThan(5)
                .noneMatch(r -> r.status() == Status.NOT_RUN)
                .anyMatch(r -> r.message().contains("no ReLU"));
    }
}
