package cnnkit.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * How one failed check reads in the test output: the check's sentence (its {@code @DisplayName}s from the step down),
 * what went wrong, and — when your code threw — the lines of your own code the exception went through:
 *
 * <pre>
 * FAILED Step 2 — Max pooling > the lecture's example > the 5x5 feature map pools (2x2, stride 2) to 3x3
 *   java.lang.ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 5
 *     at cnn.MaxPooling.windowMax(MaxPooling.java:88)   &lt;- your code
 *     at cnn.MaxPooling.pool(MaxPooling.java:49)
 * </pre>
 *
 * <p>"Your code" is every class of package {@code cnn} except the public tests ({@code *Test}, their nested classes)
 * and their helper {@code cnn.Expect}; the frames of the JDK, JUnit and Maven are cut.
 */
final class FailureText {
    /** At most this many of your code's frames per exception: the top of the stack is where it went wrong. */
    static final int MAX_FRAMES = 6;

    private FailureText() {}

    /**
     * @param path    the check's display names from the step's test class down to the check
     * @param thrown  what the check threw
     * @param brief   true for one line only (the sentence and the first line of the message)
     * @return the text, each line ending in a line break
     */
    static String of(List<String> path, Throwable thrown, boolean brief) {
        StringBuilder sb =
                new StringBuilder("FAILED ").append(String.join(" > ", path)).append('\n');
        List<String> message = messageLines(thrown);
        if (brief) {
            return sb.append("  ").append(message.get(0)).append('\n').toString();
        }
        for (String line : message) {
            sb.append("  ").append(line).append('\n');
        }
        Throwable crash = crashOf(thrown);
        if (crash != null) {
            if (crash != thrown) {
                sb.append("  your code threw ").append(crash).append('\n');
            }
            List<StackTraceElement> frames = studentFrames(crash);
            for (int i = 0; i < Math.min(frames.size(), MAX_FRAMES); i++) {
                sb.append("    at ")
                        .append(frames.get(i))
                        .append(i == 0 ? "   <- your code" : "")
                        .append('\n');
            }
            if (frames.isEmpty()) {
                sb.append("    (no line of your code on the stack: the exception came from the JDK)\n");
            }
        }
        return sb.toString();
    }

    /** The message as the check wrote it; for an exception of your code, its class and message. */
    private static List<String> messageLines(Throwable thrown) {
        String text = thrown instanceof AssertionError && thrown.getMessage() != null
                ? thrown.getMessage()
                : thrown.toString();
        List<String> lines = new ArrayList<>(text.lines().toList());
        return lines.isEmpty() ? List.of(thrown.getClass().getName()) : lines;
    }

    /**
     * @return the exception of your code to show the lines of: the check's own exception if it is not an assertion,
     *     else the first cause with a frame of your code (e.g. "expected IllegalArgumentException, got ..."), else null
     */
    static Throwable crashOf(Throwable thrown) {
        if (!(thrown instanceof AssertionError)) {
            return thrown;
        }
        for (Throwable c = thrown.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (!studentFrames(c).isEmpty()) {
                return c;
            }
        }
        return null;
    }

    /** @return the frames of your code, top of the stack first */
    static List<StackTraceElement> studentFrames(Throwable e) {
        List<StackTraceElement> out = new ArrayList<>();
        for (StackTraceElement f : e.getStackTrace()) {
            if (isStudentCode(f.getClassName())) {
                out.add(f);
            }
        }
        return out;
    }

    /** @return true for a class of package cnn that is neither a public test nor the tests' helper */
    static boolean isStudentCode(String className) {
        if (!className.startsWith("cnn.") || className.indexOf('.', 4) >= 0) {
            return false;
        }
        String topLevel = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        return !topLevel.endsWith("Test") && !topLevel.equals("cnn.Expect");
    }
}
