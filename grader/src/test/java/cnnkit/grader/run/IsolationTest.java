package cnnkit.grader.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import cnnkit.grader.Fixtures;
import cnnkit.grader.testing.Submissions;
import cnnkit.lecture.Limits;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operating-system layer, tested with code the bytecode check would refuse (compiled here without the check): a
 * determined student's code that got past it.
 */
@DisplayName("Worker isolation")
class IsolationTest {
    private static final Limits QUICK = Submissions.limits(Duration.ofSeconds(5), 3);

    @TempDir
    Path temp;

    @Test
    @DisplayName("gives the worker no network: a connection to the grader's machine fails")
    void noNetwork() throws IOException {
        assumeThat(Isolation.namespaces()).as("unshare works here").isTrue();
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path classes = reluDoing("done = false; try (java.net.Socket s = new java.net.Socket(\"127.0.0.1\", "
                    + listening.getLocalPort() + ")) { throw new IllegalStateException(\"REACHED\"); }"
                    + " catch (java.io.IOException e) { throw new IllegalStateException(\"NO-NETWORK \" + e); }");

            List<CheckResult> results = new ForkedRunner(QUICK)
                    .run(classes, List.of(Step.RELU), temp)
                    .results();

            assertThat(results)
                    .anyMatch(r -> r.message().contains("NO-NETWORK"))
                    .noneMatch(r -> r.message().contains("REACHED"));
            listening.setSoTimeout(1);
            org.assertj.core.api.Assertions.assertThatThrownBy(listening::accept)
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    @DisplayName("gives the worker no writable path but its own folder, and no way to remount one")
    void onlyItsFolderIsWritable() throws IOException {
        assumeThat(Isolation.namespaces()).as("unshare works here").isTrue();
        Path outside = temp.resolve("outside.txt");
        Path sharedTemp = Path.of(
                System.getProperty("java.io.tmpdir"),
                "cnnkit-isolation-probe-" + ProcessHandle.current().pid());
        Path classes =
                reluDoing("java.nio.file.Path inside = java.nio.file.Path.of(\"inside.txt\"); StringBuilder seen ="
                        + " new StringBuilder(\"WRITES\"); for (String f : new String[] {inside.toString(), \""
                        + outside
                        + "\", \"" + sharedTemp + "\", \"/dev/shm/cnnkit-isolation-probe\"}) { try {"
                        + " java.nio.file.Files.writeString(java.nio.file.Path.of(f), \"x\"); seen.append(\" ok:\").append(f); }"
                        + " catch (java.io.IOException e) { seen.append(\" refused:\").append(f); } }"
                        + " try { seen.append(\" remount:\").append(new ProcessBuilder(\"mount\", \"-o\", \"remount,rw\", \"/\")"
                        + ".start().waitFor()); } catch (Exception e) { seen.append(\" remount:\").append(e); }"
                        + " throw new IllegalStateException(seen.toString());");

        List<CheckResult> results =
                new ForkedRunner(QUICK).run(classes, List.of(Step.RELU), temp).results();

        String seen = results.stream()
                .map(CheckResult::message)
                .filter(m -> m.contains("WRITES"))
                .findFirst()
                .orElseThrow();
        assertThat(seen)
                .contains(
                        "ok:inside.txt",
                        "refused:" + outside,
                        "refused:" + sharedTemp,
                        "refused:/dev/shm/cnnkit-isolation-probe")
                .doesNotContain("remount:0");
        assertThat(outside).doesNotExist();
        assertThat(sharedTemp).doesNotExist();
    }

    @Test
    @DisplayName("lets nothing outlive the worker: a setsid'd background process dies with it (own PID namespace)")
    void nothingOutlivesTheWorker() throws Exception {
        assumeThat(Isolation.namespaces()).as("unshare works here").isTrue();
        escapeAndCheck();
    }

    @Test
    @DisplayName("without namespaces, still kills a setsid'd background process that kept the worker's marker")
    void markedProcessesAreKilledWithoutNamespaces() throws Exception {
        boolean before = Isolation.namespaces();
        Isolation.override(false);
        try {
            escapeAndCheck();
        } finally {
            Isolation.override(before);
        }
    }

    @Test
    @DisplayName("bounds the worker's tasks: a fork bomb stops at the cgroup's limit, and the cgroup goes with it")
    void forkBombIsBounded() throws IOException {
        assumeThat(Isolation.namespaces() && Cgroup.available())
                .as("namespaces and cgroups work here")
                .isTrue();
        int tries = 2 * Cgroup.MAX_TASKS;
        Path classes = reluDoing("String seen; try { new ProcessBuilder(\"sh\", \"-c\", \"i=0; while [ $i -lt " + tries
                + " ]; do sleep 60 & i=$((i+1)); echo $i > count; done\").start().waitFor();"
                + " seen = java.nio.file.Files.readString(java.nio.file.Path.of(\"count\")).strip(); } catch (Exception e)"
                + " { seen = e.toString(); } ProcessHandle.allProcesses().filter(p -> p.pid() > 1)"
                + ".forEach(ProcessHandle::destroyForcibly); throw new IllegalStateException(\"STARTED \" + seen);");

        List<CheckResult> results;
        try (ForkedRunner runner = new ForkedRunner(QUICK)) {
            results = runner.run(classes, List.of(Step.RELU), temp).results();
        }

        String seen = results.stream()
                .map(CheckResult::message)
                .filter(m -> m.contains("STARTED"))
                .findFirst()
                .orElseThrow();
        int started = Integer.parseInt(seen.replaceAll("(?s).*STARTED (\\d+).*", "$1"));
        assertThat(started).isPositive().isLessThan(Cgroup.MAX_TASKS);
        assertThat(leftCgroups()).isEmpty();
    }

    @Test
    @DisplayName("bounds the worker's memory: a child process that fills 950 MiB is killed by the kernel (exit 137)")
    void memoryIsBounded() throws IOException {
        assumeThat(Isolation.namespaces() && Cgroup.available())
                .as("namespaces and cgroups work here")
                .isTrue();
        Path classes = reluDoing("int exit; try { exit = new ProcessBuilder(\"dd\", \"if=/dev/zero\", \"bs=950M\","
                + " \"count=1\", \"of=/dev/null\").start().waitFor(); } catch (Exception e) { exit = -1; }"
                + " throw new IllegalStateException(\"EXIT \" + exit);");

        List<CheckResult> results;
        try (ForkedRunner runner = new ForkedRunner(QUICK)) {
            results = runner.run(classes, List.of(Step.RELU), temp).results();
        }

        assertThat(results)
                .anyMatch(r -> r.message().contains("EXIT 137"))
                .noneMatch(r -> r.message().contains("EXIT 0"));
        assertThat(leftCgroups()).isEmpty();
    }

    @Test
    @DisplayName("removes the empty cgroups a killed grader left behind, not a running grader's")
    void leftoverCgroupsAreRemoved() throws IOException {
        assumeThat(Cgroup.available()).as("cgroups work here").isTrue();
        Path parent = CgroupTable.read().limits(1, 1).keySet().iterator().next();
        Path dead = parent.resolve("cnnkit-999999999-1");
        Path alive = parent.resolve("cnnkit-" + ProcessHandle.current().pid() + "-0");
        Files.createDirectory(dead);
        Files.createDirectory(alive);
        try {
            Cgroup.removeLeftovers(parent);

            assertThat(dead).doesNotExist();
            assertThat(alive).isDirectory();
        } finally {
            Files.deleteIfExists(dead);
            Files.deleteIfExists(alive);
        }
    }

    /** @return this grader's worker cgroups still there once the workers are gone */
    private static List<Path> leftCgroups() throws IOException {
        String mine = "cnnkit-" + ProcessHandle.current().pid() + "-";
        List<Path> left = new java.util.ArrayList<>();
        for (Path parent : CgroupTable.read().limits(1, 1).keySet()) {
            try (var children = Files.list(parent)) {
                children.filter(c -> c.getFileName().toString().startsWith(mine))
                        .forEach(left::add);
            }
        }
        return left;
    }

    /** A Relu that starts a detached background process; after the run, that process must be gone. */
    private void escapeAndCheck() throws Exception {
        String seconds = "86." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Path touched = temp.resolve("still-alive");
        Path classes = reluDoing("try { new ProcessBuilder(\"setsid\", \"sh\", \"-c\", \"(sleep " + seconds + "; touch "
                + touched + ") &\").start().waitFor(); } catch (Exception e) { }");

        try (ForkedRunner runner = new ForkedRunner(QUICK)) {
            runner.run(classes, List.of(Step.RELU), temp);
        }

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sleeping(seconds) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(sleeping(seconds))
                .as("a `sleep " + seconds + "` is still running")
                .isFalse();
        assertThat(touched).doesNotExist();
    }

    private static boolean sleeping(String seconds) {
        return ProcessHandle.allProcesses()
                .anyMatch(p -> p.info()
                                .arguments()
                                .map(a -> a.length > 0 && a[a.length - 1].contains(seconds))
                                .orElse(false)
                        || p.info()
                                .commandLine()
                                .map(c -> c.contains("sleep " + seconds))
                                .orElse(false));
    }

    private Path reluDoing(String code) throws IOException {
        Path src = Fixtures.copy(Fixtures.SOLUTIONS, temp.resolve("src"));
        Fixtures.edit(
                src.resolve("Relu.java"),
                "Require.rectangular(featureMap, \"featureMap\");",
                "Require.rectangular(featureMap, \"featureMap\"); if (!done) { done = true; " + code + " }");
        Fixtures.edit(
                src.resolve("Relu.java"),
                "public final class Relu {",
                "public final class Relu { static boolean done;");
        Files.createDirectories(temp.resolve("classes"));
        return Submissions.compileFolder(src, temp.resolve("classes"));
    }
}
