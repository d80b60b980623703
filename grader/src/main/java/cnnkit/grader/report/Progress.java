package cnnkit.grader.report;

import cnnkit.grader.score.Grade;
import java.io.PrintStream;

/**
 * Shows grading progress: a bar redrawn in place on a terminal, one plain line per submission otherwise (logs, CI).
 */
public final class Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private int done;

    /**
     * @param out      where to print
     * @param terminal true to draw a bar (a terminal), false for plain lines
     * @param total    submissions to grade
     */
    public Progress(PrintStream out, boolean terminal, int total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
    }

    /** @param grade a submission just graded */
    public synchronized void graded(Grade grade) {
        done++;
        String line = grade.id() + ": " + grade.status() + " " + Points.format(grade.score()) + "/"
                + Points.format(grade.maxScore()) + String.format(" (%.1f s)", grade.seconds());
        if (terminal) {
            int filled = total == 0 ? WIDTH : done * WIDTH / total;
            out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " "
                    + String.format("%-40.40s", line));
            if (done == total) {
                out.println();
            }
        } else {
            out.println("[" + done + "/" + total + "] " + line);
        }
        out.flush();
    }
}
