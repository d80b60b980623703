package cnnkit.grader.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The kernel's limits on one worker's tasks and memory: a Linux control group (cgroup) per worker, made below the
 * grader's own, which the worker's first process joins before it starts the JVM (see {@link Isolation#READ_ONLY});
 * everything the worker starts stays in it. It bounds what no Java-level rule can: a fork bomb, a thread bomb, or a
 * child process that allocates gigabytes. Past {@link #MAX_TASKS} tasks (processes and threads) a fork fails; past
 * {@link #MAX_MEMORY} the kernel kills a process of the cgroup (the largest), and a killed worker costs the running
 * check as any crash does.
 *
 * <p>The limits hold for root, the usual user of a grading container (process-count limits such as {@code prlimit
 * --nproc} do not). The grader's cgroups are found in both cgroup versions ({@link CgroupTable}): v1 (a hierarchy
 * per controller) and v2 (one hierarchy, where the grader's cgroup must delegate the {@code pids} and {@code memory}
 * controllers). The empty cgroups of a grader that was killed before it removed them are removed by the next
 * grader. Where the cgroup file system is
 * read-only (as in most unprivileged containers) the grader says so once on standard error and runs workers without
 * these limits; the JVM's own heap limit and the time limits still apply.
 */
final class Cgroup {
    /** Tasks (processes and threads, the JVM's own included: about 20) one worker may have at once. */
    static final int MAX_TASKS = 256;
    /** Memory of one worker and its children: the JVM's 256 MiB heap and its own needs, with room to spare. */
    static final long MAX_MEMORY = 768L << 20;

    private static final String PREFIX = "cnnkit-";
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static volatile Map<Path, Map<String, String>> plan;

    /** The cgroups of this one worker: each folder, made and limited, that it joins. */
    private final List<Path> folders;

    private Cgroup(List<Path> folders) {
        this.folders = folders;
    }

    /**
     * Makes this worker's cgroups.
     *
     * @return them, or null where this machine gives the grader no writable cgroup (said once on standard error)
     */
    static Cgroup create() {
        Map<Path, Map<String, String>> p = plan();
        if (p.isEmpty()) {
            return null;
        }
        String name = PREFIX + ProcessHandle.current().pid() + "-" + COUNT.incrementAndGet();
        List<Path> made = new ArrayList<>();
        try {
            for (Map.Entry<Path, Map<String, String>> e : p.entrySet()) {
                made.add(make(e.getKey().resolve(name), e.getValue()));
            }
            return new Cgroup(made);
        } catch (IOException e) {
            new Cgroup(made).remove();
            return null;
        }
    }

    /** @return whether workers get their limits here (the first call finds out, and says so if not) */
    static boolean available() {
        return !plan().isEmpty();
    }

    /** @return the {@code cgroup.procs} files the worker's first process writes itself into */
    List<Path> procs() {
        return folders.stream().map(f -> f.resolve("cgroup.procs")).toList();
    }

    /** Removes the worker's cgroups once its processes have left them (tried for up to 5 s). */
    void remove() {
        for (Path f : folders) {
            for (int i = 0; i < 250 && Files.isDirectory(f); i++) {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return a cgroup folder with its limits written */
    private static Path make(Path folder, Map<String, String> limits) throws IOException {
        Files.createDirectory(folder);
        for (Map.Entry<String, String> l : limits.entrySet()) {
            Files.writeString(folder.resolve(l.getKey()), l.getValue());
        }
        return folder;
    }

    /** @return the parent folders of the workers' cgroups and the limits to write in each: found and tried once */
    private static Map<Path, Map<String, String>> plan() {
        Map<Path, Map<String, String>> p = plan;
        if (p == null) {
            synchronized (Cgroup.class) {
                p = plan;
                if (p == null) {
                    p = tried(CgroupTable.read().limits(MAX_TASKS, MAX_MEMORY));
                    plan = p;
                }
            }
        }
        return p;
    }

    /** @return the parents where a limited cgroup could be made (and removed), leftovers of dead graders removed */
    private static Map<Path, Map<String, String>> tried(Map<Path, Map<String, String>> wanted) {
        Map<Path, Map<String, String>> working = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<Path, Map<String, String>> e : wanted.entrySet()) {
            removeLeftovers(e.getKey());
            Path probe = e.getKey().resolve(PREFIX + ProcessHandle.current().pid() + "-probe");
            try {
                new Cgroup(List.of(make(probe, e.getValue()))).remove();
                working.put(e.getKey(), e.getValue());
            } catch (IOException | RuntimeException x) {
                new Cgroup(List.of(probe)).remove();
                missing.addAll(e.getValue().keySet());
            }
        }
        if (working.isEmpty() || !missing.isEmpty()) {
            System.err.println("note: worker JVMs run without the kernel's limits on "
                    + (working.isEmpty() ? "tasks and memory" : String.join(", ", missing))
                    + " here (no writable cgroup); the JVM's heap limit and the time limits still apply.");
        }
        return Map.copyOf(working);
    }

    /** Removes the empty cgroups of graders that are no longer running (one killed before it could clean up). */
    static void removeLeftovers(Path parent) {
        try (Stream<Path> children = Files.list(parent)) {
            children.filter(c -> c.getFileName().toString().startsWith(PREFIX)).forEach(c -> {
                String[] parts = c.getFileName().toString().split("-");
                try {
                    if (parts.length == 3
                            && ProcessHandle.of(Long.parseLong(parts[1])).isEmpty()) {
                        Files.delete(c);
                    }
                } catch (IOException | NumberFormatException e) {
                    // still in use, or not ours
                }
            });
        } catch (IOException e) {
            // unreadable: nothing to remove
        }
    }
}
