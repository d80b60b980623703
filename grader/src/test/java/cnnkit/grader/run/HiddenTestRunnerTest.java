package cnnkit.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.run.CheckResult.Status;
import cnnkit.grader.testing.Submissions;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The hidden-test runner")
class HiddenTestRunnerTest {
    @Test
    @DisplayName("links the hidden tests to the given classes: the solutions pass, the stubs fail as not implemented")
    void solutionsPassStubsFail() {
        List<CheckResult> solutions = Submissions.runHidden(Submissions.compiledSolutions());
        List<CheckResult> stubs = Submissions.runHidden(Submissions.compiledStubs());

        assertThat(solutions).isNotEmpty().allMatch(CheckResult::passed, "passed");
        assertThat(stubs)
                .hasSameSizeAs(solutions)
                .allMatch(
                        r -> r.status() == Status.ERROR && r.message().contains("not implemented"), "not implemented");
    }
}
