package cnnkit.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.Step;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive itself needs the shaded jar (the JDK archives classes from jars only), so it is exercised by
 * {@code grader/bench/bench.sh} and every {@code grade} run of the jar; here: that workers do without it.
 */
@DisplayName("The worker class-data archive")
class WorkerArchiveTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("is not attempted with class folders on the class path: workers start the ordinary way")
    void noneForClassFolders() {
        assertThat(WorkerClassPath.get()).as("the module's tests run from class folders").contains("classes");
        assertThat(WorkerArchive.options()).isEmpty();
        assertThat(WorkerArchive.ensure(temp, List.of(Step.RELU), temp)).isFalse();
    }

    @Test
    @DisplayName("can be switched off with -Dcnnkit.cds=off")
    void switchedOff() {
        System.setProperty("cnnkit.cds", "off");
        try {
            assertThat(WorkerArchive.file()).isNull();
            assertThat(WorkerArchive.options()).isEmpty();
        } finally {
            System.clearProperty("cnnkit.cds");
        }
    }
}
