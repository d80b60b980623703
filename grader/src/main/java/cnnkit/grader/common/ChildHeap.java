package cnnkit.grader.common;

import java.util.List;

/**
 * How a child JVM (a worker or the compiler server) sizes its heap below its cap. Without {@code -Xms} the JVM
 * starts with 1/64 of the machine's memory, which on a 24 GiB box is the whole 256 MiB cap: every child then held
 * its cap for good. Started at 64 MiB it grows only as far as it needs: a worker held about 135 MiB instead of 190
 * after 50 jobs, at the same CPU (a smaller start, or a heap shrunk after each job, cost 6% more CPU in more
 * collections; measured, grader/bench/README.md). With it the grader's processes together stay under Gradescope's
 * 768 MiB at {@code --jobs 2}.
 */
public final class ChildHeap {
    /** The flags, for the child's command line (the cap, {@code -Xmx}, is each child's own). */
    public static final List<String> FLAGS = List.of("-Xms64m");

    private ChildHeap() {}
}
