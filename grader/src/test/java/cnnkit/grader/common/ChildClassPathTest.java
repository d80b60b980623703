package cnnkit.grader.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The worker's class path")
class ChildClassPathTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("leaves out every entry with cnn classes (here the exercise stubs the tests compile against)")
    void noStudentPackage() {
        String[] original = System.getProperty("java.class.path").split(File.pathSeparator);
        assertThat(Arrays.stream(original).map(Path::of))
                .as("the test class path has the stubs")
                .anyMatch(ChildClassPath::holdsStudentPackage);
        assertThat(ChildClassPath.get().split(File.pathSeparator))
                .isNotEmpty()
                .noneMatch(e -> ChildClassPath.holdsStudentPackage(Path.of(e)));
    }

    @Test
    @DisplayName("finds cnn classes in a jar and in a folder, and not elsewhere")
    void detectsStudentPackage() throws IOException {
        Path jar = temp.resolve("a.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("cnn/Relu.class"));
            z.closeEntry();
        }
        Path clean = temp.resolve("b.jar");
        try (OutputStream out = Files.newOutputStream(clean);
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("cnnkit/lecture/Step.class"));
            z.closeEntry();
        }
        Files.createDirectories(temp.resolve("folder/cnn"));
        assertThat(ChildClassPath.holdsStudentPackage(jar)).isTrue();
        assertThat(ChildClassPath.holdsStudentPackage(temp.resolve("folder"))).isTrue();
        assertThat(ChildClassPath.holdsStudentPackage(clean)).isFalse();
        assertThat(ChildClassPath.holdsStudentPackage(temp.resolve("missing"))).isFalse();
    }
}
