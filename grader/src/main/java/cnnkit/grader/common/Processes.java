package cnnkit.grader.common;

import java.util.concurrent.TimeUnit;

/** The grader's child processes (the compiler and worker JVMs). */
public final class Processes {
    private Processes() {}

    /**
     * Kills a process and every process it started that is still its descendant, then waits up to 5 s for it to end.
     *
     * @param process a child of the grader
     */
    public static void killTree(Process process) {
        ProcessHandle handle = process.toHandle();
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
