package cnnkit.grader.run;

import java.util.concurrent.TimeoutException;

/**
 * Words for what a student's code did when it threw: the exception, its message and where in their file. A
 * {@link NullPointerException} with no frame of the student's code was thrown by the check reading a null the
 * student's method returned, and is said so, not blamed on "your code".
 */
final class Outcomes {
    private static final int MAX_MESSAGE = 300;

    private Outcomes() {}

    /** @return e.g. "your code threw ArrayIndexOutOfBoundsException: Index 5 out of bounds (Convolution.java:42)" */
    static String describe(Throwable t) {
        if (t == null) {
            return "failed without a reason";
        }
        Throwable root = t;
        if (t instanceof ExceptionInInitializerError && t.getCause() != null) {
            root = t.getCause();
        }
        if (root instanceof UnsupportedOperationException
                && String.valueOf(root.getMessage()).contains("not implemented")) {
            return String.valueOf(root.getMessage());
        }
        if (root instanceof NullPointerException && where(root).isEmpty()) {
            // thrown where no student code runs: by the check, reading what the student's method gave it
            return "your method returned null (or an array holding null) where the check needed a result to read";
        }
        String message = root.getMessage() == null ? "" : ": " + cap(root.getMessage());
        String prefix = t instanceof ExceptionInInitializerError ? "a static initialiser threw " : "your code threw ";
        return prefix + root.getClass().getSimpleName() + message + where(root);
    }

    static boolean causedByTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The first frame in the student's package, as "(File.java:line)". */
    private static String where(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("cnn.")) {
                return " (" + e.getFileName() + ":" + e.getLineNumber() + ")";
            }
        }
        return "";
    }

    private static String cap(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= MAX_MESSAGE ? one : one.substring(0, MAX_MESSAGE) + "…";
    }
}
