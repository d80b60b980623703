package cnnkit.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Where a worker's cgroups are made")
class CgroupTableTest {
    private static final String V1_MOUNTS = """
        31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
        35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
        39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
        40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
        41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
        """;

    @Test
    @DisplayName("cgroup v1: in the grader's own cgroup of each controller, with the v1 limit files")
    void versionOne() {
        String own = "9:name=systemd:/\n8:pids:/\n4:memory:/process_api/abc\n0::/\n";

        assertThat(new CgroupTable(V1_MOUNTS, own).limits(256, 1024))
                .containsExactly(
                        Map.entry(Path.of("/sys/fs/cgroup/pids/"), Map.of("pids.max", "256")),
                        Map.entry(
                                Path.of("/sys/fs/cgroup/memory/process_api/abc"),
                                Map.of("memory.limit_in_bytes", "1024")));
    }

    @Test
    @DisplayName("cgroup v2: both limits in the grader's one cgroup, the mount's root taken off its path")
    void versionTwo() {
        String mounts = "29 23 0:26 /grading /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n";

        assertThat(new CgroupTable(mounts, "0::/grading/job7\n").limits(10, 20))
                .containsExactly(
                        Map.entry(Path.of("/sys/fs/cgroup/job7"), Map.of("pids.max", "10", "memory.max", "20")));
    }

    @Test
    @DisplayName("a mount point with a space (\\040 in mountinfo) is decoded")
    void escapedMountPoint() {
        String mounts = "39 31 0:36 / /cg\\040roups/pids rw - cgroup cgroup rw,pids\n";

        assertThat(new CgroupTable(mounts, "8:pids:/a\n").limits(1, 2)).containsOnlyKeys(Path.of("/cg roups/pids/a"));
    }

    @Test
    @DisplayName("none where the grader's cgroup lies outside what the mount shows, or nothing is mounted")
    void noneOutsideTheMount() {
        String mounts = "29 23 0:26 /grading /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n";

        assertThat(new CgroupTable(mounts, "0::/other\n").limits(1, 2)).isEmpty();
        assertThat(new CgroupTable(mounts, "0::/gradingX\n").limits(1, 2)).isEmpty();
        assertThat(new CgroupTable("", "").limits(1, 2)).isEmpty();
    }
}
