package cnnkit.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.common.ChildHeap;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The worker JVM's command line. */
@DisplayName("A worker's command line")
class WorkerCommandTest {
    @Test
    @DisplayName("caps the heap at 256 MiB and starts it at 64 MiB, so that it takes only what it needs")
    void heapStartsSmallUnderItsCap() {
        List<String> cmd = WorkerProcess.command(Path.of("tmp"), List.of(), Worker.class.getName(), Path.of("s"));

        assertThat(cmd).contains("-Xmx256m").containsAll(ChildHeap.FLAGS);
        assertThat(cmd.indexOf("-Xms64m")).isLessThan(cmd.indexOf(Worker.class.getName()));
    }
}
