package cnnkit.hidden.support;

import cnnkit.lecture.Limits;
import cnnkit.lecture.TimedCall;
import java.util.concurrent.TimeoutException;

/**
 * Calls into the student's code with the kit's per-call limit ({@link Limits#call()}), through {@link TimedCall}.
 * Every hidden check goes through here, also inside jqwik properties, where JUnit Jupiter's timeouts do not apply.
 *
 * <pre>
 *   double[][] map = Student.call(() -&gt; Convolution.convolve(image, detector));
 * </pre>
 *
 * <p>What the student's code throws is rethrown unchanged, so a check can look at an
 * {@code IllegalArgumentException} or report the real exception.
 */
public final class Student {
    private Student() {}

    /** A student call that returns a value. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws Exception;
    }

    /**
     * @param call the student's method, e.g. {@code () -> Softmax.apply(scores)}
     * @param <T>  its result type
     * @return what it returned
     * @throws StudentTimeout if it did not return within {@link Limits#call()}
     */
    public static <T> T call(Call<T> call) {
        try {
            return TimedCall.call(call::run, Limits.DEFAULT.call());
        } catch (TimeoutException e) {
            throw new StudentTimeout(e);
        }
    }

    /** The student's code did not return in time; the cause, a {@link TimeoutException}, makes it a TIMEOUT. */
    public static final class StudentTimeout extends AssertionError {
        private static final long serialVersionUID = 1L;

        StudentTimeout(TimeoutException cause) {
            super(
                    "your code did not return within " + Limits.seconds(Limits.DEFAULT.call())
                            + ": is there an endless loop?",
                    cause);
        }
    }
}
