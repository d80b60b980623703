package cnnkit.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.Step;
import cnnkit.grader.run.CheckResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The hidden-test runner")
class HiddenTestRunnerTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("links the hidden tests to the given classes: the solutions pass, the stubs fail as not implemented")
    void solutionsPassStubsFail() throws IOException {
        List<CheckResult> solutions = runAgainst(compile(Path.of("../solutions/src/main/java/cnn"), "solutions"));
        List<CheckResult> stubs = runAgainst(compile(Path.of("../exercises/src/main/java/cnn"), "stubs"));

        assertThat(solutions).isNotEmpty().allMatch(CheckResult::passed, "passed");
        assertThat(stubs).hasSameSizeAs(solutions)
            .allMatch(r -> r.status() == Status.ERROR && r.message().contains("not implemented"), "not implemented");
    }

    private List<CheckResult> runAgainst(Path classes) {
        List<CheckResult> results = new ArrayList<>();
        try (StudentClassLoader loader = StudentClassLoader.forHiddenTests(classes)) {
            HiddenTestRunner.run(loader, List.of(Step.RELU), id -> true, results::add);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return results;
    }

    private Path compile(Path sources, String name) throws IOException {
        Path out = Files.createDirectories(temp.resolve(name));
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17"));
        try (Stream<Path> files = Files.list(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
        return out;
    }
}
