package cnnkit.grader.score;

/** The gradebook's status column. */
public enum GradeStatus {
    /** Compiled (at least one step of the student's own) and run. */
    GRADED("graded"),
    /** Sources were found but no step of the student's compiled. */
    COMPILE_ERROR("compile_error"),
    /** The hand-in was refused, e.g. a hostile or broken archive. */
    REJECTED("rejected"),
    /** No source of package {@code cnn} was found. */
    NO_SOURCES("no_sources"),
    /** The grader failed on this submission (the feedback says why); other submissions are not affected. */
    ERROR("error");

    private final String text;

    GradeStatus(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}
