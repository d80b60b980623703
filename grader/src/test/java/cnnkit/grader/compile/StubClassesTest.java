package cnnkit.grader.compile;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.Grader;
import cnnkit.grader.collect.Sources;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The exercise stubs, compiled on their own")
class StubClassesTest {
    @Test
    @DisplayName("are made once per JVM, however often the contract and the checks' discovery need them, and the "
            + "grader built by Maven unpacks them instead of compiling")
    void madeOnce(@TempDir Path temp) throws IOException {
        Path first = StepCompiler.stubClasses();
        Grader.discoverChecks();
        StepCompiler.compile(new Sources(Map.of(), List.of(), List.of(), List.of()), temp, Javac.IN_PROCESS);

        assertThat(StepCompiler.stubClasses()).isEqualTo(first);
        assertThat(StepCompiler.stubCompilations()).isZero();
        for (Step step : Step.values()) {
            assertThat(first.resolve("cnn").resolve(step.className() + ".class"))
                    .isRegularFile();
        }
    }

    @Test
    @DisplayName("the built ones are the stubs compiled now, class file for class file (none is stale)")
    void builtAreCurrent(@TempDir Path temp) throws IOException {
        Path built =
                BuiltStubs.unpack(Files.createDirectory(temp.resolve("built"))).orElseThrow();
        Path compiled = StepCompiler.compileStubs(Files.createDirectory(temp.resolve("compiled")));

        assertThat(classFiles(built)).isEqualTo(classFiles(compiled)).isNotEmpty();
        for (Path name : classFiles(compiled)) {
            assertThat(built.resolve(name)).as(name.toString()).hasSameBinaryContentAs(compiled.resolve(name));
        }
    }

    private static List<Path> classFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(folder::relativize)
                    .sorted()
                    .toList();
        }
    }
}
