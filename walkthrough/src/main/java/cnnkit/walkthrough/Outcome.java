package cnnkit.walkthrough;

/**
 * What happened when the walk called one method of the learner's code.
 *
 * @param <T> the method's result type
 */
public sealed interface Outcome<T> {
    /** The method returned. */
    record Returned<T>(T value) implements Outcome<T> {}

    /** The method is still a stub (throws UnsupportedOperationException) or is missing from the classes. */
    record NotImplemented<T>(String message) implements Outcome<T> {}

    /**
     * The method threw something else.
     *
     * @param where where in the learner's files, e.g. {@code "Convolution.java:42"}; empty if not in them
     */
    record Threw<T>(String exception, String message, String where) implements Outcome<T> {}

    /** The method did not return in time (an endless loop, most likely). */
    record TimedOut<T>(long millis) implements Outcome<T> {}

    /** @return a sentence for the learner: what their method did instead of returning */
    default String describe() {
        if (this instanceof Returned<T> r) {
            return "returned " + r.value();
        } else if (this instanceof NotImplemented<T> n) {
            return "not implemented yet (" + n.message() + ")";
        } else if (this instanceof Threw<T> t) {
            return "threw " + t.exception() + (t.message() == null ? "" : ": " + t.message())
                    + (t.where().isEmpty() ? "" : " (at " + t.where() + ")");
        }
        return "did not return within " + ((TimedOut<T>) this).millis() + " ms — an endless loop?";
    }
}
