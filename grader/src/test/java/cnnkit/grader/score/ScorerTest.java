package cnnkit.grader.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnkit.grader.run.CheckResult;
import cnnkit.grader.run.CheckResult.Status;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Scoring")
class ScorerTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("gives partial credit within a step, 0 to a stubbed step, and lists every rubric check")
    void partialCredit() throws IOException {
        Rubric rubric = Rubric.load(Files.writeString(
                temp.resolve("r.csv"),
                "check_id,step,points\n" + "Relu.a,Relu,20\nRelu.b,Relu,30\nRelu.c,Relu,10\nSoftmax.a,Softmax,40\n"));
        List<CheckResult> results = List.of(
                result("Relu.a", Step.RELU, Status.PASSED),
                result("Relu.b", Step.RELU, Status.FAILED),
                result("Relu.c", Step.RELU, Status.PASSED),
                result("Softmax.a", Step.SOFTMAX, Status.PASSED));

        Scorer.Scored scored =
                Scorer.score(rubric, results, Map.of(Step.SOFTMAX, List.of("did not compile")), Map.of());

        assertThat(scored.steps().get(Step.RELU.ordinal()).earned()).isEqualTo(30, within(1e-9));
        assertThat(scored.steps().get(Step.RELU.ordinal()).max()).isEqualTo(60, within(1e-9));
        assertThat(scored.steps().get(Step.SOFTMAX.ordinal()).earned()).isZero();
        assertThat(scored.checks())
                .extracting(c -> c.result().checkId())
                .containsExactly("Relu.a", "Relu.b", "Relu.c", "Softmax.a");
    }

    @Test
    @DisplayName("lists a rubric check that never ran as NOT_RUN, worth 0")
    void missingCheck() throws IOException {
        Rubric rubric =
                Rubric.load(Files.writeString(temp.resolve("r.csv"), "check_id,step,points\nRelu.a,Relu,100\n"));
        Scorer.Scored scored = Scorer.score(rubric, List.of(), Map.of(), Map.of("Relu.a", "a sentence"));
        assertThat(scored.checks()).singleElement().satisfies(c -> {
            assertThat(c.result().status()).isEqualTo(Status.NOT_RUN);
            assertThat(c.result().displayName()).isEqualTo("a sentence");
            assertThat(c.earned()).isZero();
        });
    }

    private static CheckResult result(String id, Step step, Status status) {
        return CheckResult.notPassed(id, step, id, status, "");
    }
}
