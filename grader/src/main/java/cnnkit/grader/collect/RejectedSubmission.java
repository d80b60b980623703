package cnnkit.grader.collect;

/** A submission the grader refuses to open (e.g. a hostile or broken archive); the message says why. */
public class RejectedSubmission extends Exception {
    private static final long serialVersionUID = 1L;

    public RejectedSubmission(String reason) {
        super(reason);
    }
}
