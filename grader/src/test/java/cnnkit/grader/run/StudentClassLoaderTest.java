package cnnkit.grader.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnkit.grader.testing.Submissions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The student class loader")
class StudentClassLoaderTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("never takes a grader class from the submission: a shipped fake hidden test loses to the real one")
    void shadowingGraderClassesFails() throws Exception {
        Path src = Files.createDirectories(temp.resolve("src"));
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Files.writeString(src.resolve("Relu.java"), "package cnn; public final class Relu { }");
        Files.writeString(src.resolve("ReluHiddenTest.java"), "package cnnkit.hidden; public class ReluHiddenTest { }");
        Files.writeString(src.resolve("Probe.java"), "package cnnkit.hidden; public class Probe { }");
        Submissions.compile(classes, List.of(), Submissions.javaFiles(src));

        try (StudentClassLoader loader = HiddenTests.loader(classes)) {
            Class<?> test = loader.loadClass("cnnkit.hidden.ReluHiddenTest");
            assertThat(List.of(test.getDeclaredMethods()))
                    .as("the real hidden test has test methods")
                    .isNotEmpty();
            assertThat(test.getClassLoader()).isSameAs(loader);
            assertThatThrownBy(() -> loader.loadClass("cnnkit.hidden.Probe"))
                    .isInstanceOf(ClassNotFoundException.class)
                    .hasMessageContaining("comes from the submission");
            assertThat(loader.loadClass("cnn.Relu")
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation())
                    .isEqualTo(classes.toUri().toURL());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
