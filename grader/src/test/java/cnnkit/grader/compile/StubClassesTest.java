package cnnkit.grader.compile;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.Grader;
import cnnkit.grader.collect.Sources;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The exercise stubs, compiled on their own")
class StubClassesTest {
    @Test
    @DisplayName("are compiled once per JVM, however often the contract and the checks' discovery need them")
    void compiledOnce(@TempDir Path temp) throws IOException {
        Path first = StepCompiler.stubClasses();
        Grader.discoverChecks();
        StepCompiler.compile(new Sources(Map.of(), List.of(), List.of(), List.of()), temp, Javac.IN_PROCESS);

        assertThat(StepCompiler.stubClasses()).isEqualTo(first);
        assertThat(StepCompiler.stubCompilations()).isEqualTo(1);
        for (Step step : Step.values()) {
            assertThat(first.resolve("cnn").resolve(step.className() + ".class"))
                    .isRegularFile();
        }
    }
}
