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

@DisplayName("A step that hangs")
class HangingStepTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("costs that step only: after two time-outs the rest of the step is skipped, later steps all run")
    void hangingStepCostsThatStepOnly() throws IOException {
        Path src = Fixtures.copy(Submissions.SOLUTIONS, temp.resolve("src"));
        Fixtures.edit(
                src.resolve("Relu.java"),
                "Require.rectangular(featureMap, \"featureMap\");",
                "while (featureMap != null) { }");
        Path classes = Submissions.compileFolder(src, temp.resolve("classes"));
        Limits limits = Limits.DEFAULT
                .with(Duration.ofSeconds(5), Duration.ofSeconds(120), Limits.DEFAULT.compile())
                .withWorkers(Duration.ofSeconds(60), 2);

        List<CheckResult> results = new ForkedRunner(limits)
                .run(classes, List.of(Step.RELU, Step.FLATTENING), temp)
                .results();

        List<CheckResult> relu =
                results.stream().filter(r -> r.step() == Step.RELU).toList();
        assertThat(relu).filteredOn(r -> r.status() == Status.TIMEOUT).hasSize(2);
        assertThat(relu)
                .anyMatch(r -> r.status() == Status.NOT_RUN && r.message().contains("did not finish in time"));
        assertThat(results)
                .filteredOn(r -> r.step() == Step.FLATTENING)
                .isNotEmpty()
                .allMatch(CheckResult::passed);
    }
}
