package cnnkit.grader.run;

import java.util.List;

/**
 * One message from a worker to the grader, sent as one line {@code <nonce> <json>} on the worker's original
 * standard output. The nonce is a random secret the grader gives the worker on standard input before any student
 * class is loaded; lines without it (anything a student prints) are ignored.
 *
 * @param type    {@code plan} (the checks about to run), {@code started} (a check began), {@code result} (a check
 *                ended), {@code output} (what the student's code printed), {@code fatal} (the worker could not run
 *                the checks), {@code done} (last frame of a job)
 * @param check   the check id of a {@code started} frame
 * @param results the planned checks ({@code plan}) or the one result ({@code result})
 * @param text    the captured output ({@code output}) the reason ({@code fatal}) or
 *                {@link #REUSABLE} ({@code done})
 */
record Frame(String type, String check, List<CheckResult> results, String text) {
    static final String PLAN = "plan";
    static final String STARTED = "started";
    static final String RESULT = "result";
    static final String OUTPUT = "output";
    static final String FATAL = "fatal";
    static final String DONE = "done";
    /** The text of a {@code done} frame after which the worker may serve another job. */
    static final String REUSABLE = "reusable";
}
