package cnnkit.grader.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Operating-system isolation of a worker JVM, the layer below the bytecode check and the results channel: what it
 * stops does not depend on Java getting anything right.
 *
 * <p>On Linux, where {@code unshare} can make namespaces and mount (as root, the usual user of a grading container),
 * a worker runs as the first process of its own PID, mount and network namespaces:
 * <pre>
 *   unshare --fork --pid --mount-proc --kill-child --net -- sh -c READ_ONLY sh [CGROUP_PROCS…] -- FOLDER -- java … Worker
 * </pre>
 * where {@link #READ_ONLY} remounts every mount of the worker's view read-only, then binds its own folder writable
 * over that, and starts the JVM through {@code setpriv} with no capabilities, so it cannot mount anything back.
 * When that first process (the worker JVM) dies, the kernel kills every process left in the namespace, so nothing
 * the student's code started, not even a {@code setsid sh -c '( … ) &'}, can outlive the worker; {@code --kill-child}
 * ends the JVM when the grader kills {@code unshare}; the network namespace has only a loopback interface that is
 * down, so every connection fails; its own {@code /proc} shows only the worker's processes.
 *
 * <p>Where {@code unshare} is not available (macOS, Windows, a container that forbids namespaces) the grader says so
 * once on standard error and relies on the other layers; then every worker carries a marker in its environment
 * ({@link #MARKER}) and killing a worker also kills every process whose environment holds its marker (found through
 * {@code /proc}), which catches processes that left the worker's process tree but kept its environment.
 *
 * <p>Where the machine lets the grader make cgroups, the worker's first process also joins its own {@link Cgroup}
 * before anything else (and before the remount makes the cgroup files read-only to it), which bounds the tasks and
 * memory of the worker and of everything it starts.
 */
final class Isolation {
    /** Name of the environment variable that marks a worker's processes. */
    static final String MARKER = "CNNKIT_WORKER";

    private static final List<String> UNSHARE = List.of(
            "unshare",
            "--fork",
            "--pid",
            "--mount-proc",
            "--kill-child",
            "--net",
            "--",
            "sh",
            "-c",
            Isolation.READ_ONLY,
            "sh");
    /**
     * Run by {@code sh} as the namespace's first process, with the {@code cgroup.procs} files to join, {@code --}, the
     * writable folders, {@code --} and the command as arguments ({@code echo 0}: the writing process itself joins;
     * {@code cd "$PWD"}: the working folder, opened before the bind, would stay on the read-only mount). Any step that
     * fails stops it, so a machine where it cannot work falls back as a whole (see {@link #namespaces()}), never to a
     * half-read-only view.
     */
    static final String READ_ONLY = """
        set -e
        while [ "$1" != -- ]; do echo 0 > "$1"; shift; done
        shift
        mount --make-rprivate /
        for m in $(awk '{print $2}' /proc/self/mounts | sort -u); do mount -o remount,bind,ro "$m"; done
        while [ "$1" != -- ]; do mount --bind "$1" "$1"; mount -o remount,bind,rw "$1"; shift; done
        shift
        cd "$PWD"
        exec setpriv --bounding-set=-all --inh-caps=-all --no-new-privs -- "$@"
        """;
    /** {@code -Dcnnkit.isolation=off} runs workers without namespaces (to test the fallback, or to debug). */
    private static final boolean DISABLED = "off".equals(System.getProperty("cnnkit.isolation"));

    private static volatile Boolean available;

    private Isolation() {}

    /** @return whether workers run in their own PID and network namespaces (tried once per grader run) */
    static boolean namespaces() {
        Boolean a = available;
        if (a == null) {
            synchronized (Isolation.class) {
                a = available;
                if (a == null) {
                    a = !DISABLED && works();
                    available = a;
                    if (!a) {
                        System.err.println("note: worker JVMs run without their own PID and network namespaces here ("
                                + (DISABLED ? "-Dcnnkit.isolation=off" : "`unshare` is not available or not permitted")
                                + "); the bytecode check, the results channel and the process clean-up still apply.");
                    }
                }
            }
        }
        return a;
    }

    /** Tests only: pretend namespaces are (not) available, to test the fallback. */
    static void override(boolean namespaces) {
        available = namespaces;
    }

    /**
     * @param command  the worker's command line
     * @param writable the one folder the worker may write to (its working folder)
     * @param cgroup   the worker's cgroups, or null for none
     * @return the command line that runs it isolated, where the platform allows it
     */
    static List<String> wrap(List<String> command, Path writable, Cgroup cgroup) {
        if (!namespaces()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(UNSHARE);
        if (cgroup != null) {
            cgroup.procs().forEach(p -> wrapped.add(p.toString()));
        }
        wrapped.add("--");
        wrapped.add(writable.toAbsolutePath().toString());
        wrapped.add("--");
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * Kills every process whose environment holds {@code MARKER=marker} (no-op without {@code /proc}).
     *
     * @param marker the value of one worker's marker
     */
    static void killMarked(String marker) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return;
        }
        byte[] needle = (MARKER + "=" + marker).getBytes(StandardCharsets.UTF_8);
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .forEach(p -> {
                    try {
                        if (holdsEntry(
                                Files.readAllBytes(
                                        proc.resolve(Long.toString(p.pid())).resolve("environ")),
                                needle)) {
                            p.destroyForcibly();
                        }
                    } catch (IOException | RuntimeException e) {
                        // gone, or not ours to read
                    }
                });
    }

    /** @return whether a NUL-separated environment block holds the entry exactly */
    private static boolean holdsEntry(byte[] environ, byte[] entry) {
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start == entry.length && java.util.Arrays.equals(environ, start, i, entry, 0, entry.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** The whole wrapping, on a folder of its own, around a command that writes there: it all works, or nothing. */
    private static boolean works() {
        Path probe = null;
        try {
            probe = Files.createTempDirectory("cnnkit-isolation");
            List<String> cmd = new ArrayList<>(UNSHARE);
            cmd.addAll(List.of(
                    "--",
                    probe.toString(),
                    "--",
                    "sh",
                    "-c",
                    "touch \"$0\"/w && rm \"$0\"/w && ! touch \"$0\"/../cnnkit-isolation-leak",
                    probe.toString()));
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (probe != null) {
                probe.toFile().delete();
            }
        }
    }
}
