package cnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Assertions for the public tests whose failure messages a student can act on: the inputs, the expected and the
 * actual value side by side, where they differ, and a hint for known mistakes. For example:
 *
 * <pre>
 * Convolution of the lecture's 7x7 image with its 3x3 feature detector
 *   expected     your result
 *   0 1 0 0 0    0 0 0 1 0
 *   ...
 *   16 of 25 cells differ, e.g. row 4, col 2: expected 4, got 0
 * </pre>
 *
 * Numbers are compared with a tolerance of 1e-9 (relative for large values), so the order of a sum does not matter.
 */
final class Expect {
    private static final double TOLERANCE = 1e-9;

    private Expect() {}

    /** A named input shown in the failure message: a number, a vector, a matrix or a stack of matrices. */
    record Input(String name, Object value) {}

    /** @return an input to show as {@code name} */
    static Input in(String name, Object value) {
        return new Input(name, value);
    }

    /**
     * A failed check: the message a student reads, and the check's first line and wrong result, by which the kit's
     * build finds what each known mistake gives (see {@link KnownMistakes}).
     */
    static final class Failure extends AssertionError {
        private final String check;
        private final transient Object actual;

        Failure(String check, Object actual, String message) {
            super(message);
            this.check = check;
            this.actual = actual;
        }

        /** @return the check's first line */
        String check() {
            return check;
        }

        /** @return the wrong result as {@link KnownMistakes#encode} writes it */
        String actual() {
            return KnownMistakes.encode(actual);
        }
    }

    static void matrix(String what, double[][] expected, double[][] actual, Input... inputs) {
        String problem = compare(expected, actual);
        if (problem != null) {
            fail(what, actual, inputs, sideBySide(expected, actual) + "  " + problem);
        }
    }

    static void stack(String what, double[][][] expected, double[][][] actual, Input... inputs) {
        if (actual == null || actual.length != expected.length) {
            fail(
                    what,
                    actual,
                    inputs,
                    "  expected " + expected.length + " maps, got "
                            + (actual == null ? "null" : actual.length + " maps"));
        }
        for (int m = 0; m < expected.length; m++) {
            String problem = compare(expected[m], actual[m]);
            if (problem != null) {
                fail(
                        what,
                        actual,
                        inputs,
                        "  map " + (m + 1) + ":\n" + sideBySide(expected[m], actual[m]) + "  " + problem);
            }
        }
    }

    static void vector(String what, double[] expected, double[] actual, Input... inputs) {
        String problem = compare(new double[][] {expected}, actual == null ? null : new double[][] {actual});
        if (problem != null) {
            fail(
                    what,
                    actual,
                    inputs,
                    "  expected    " + row(expected) + "\n  your result " + (actual == null ? "null" : row(actual))
                            + "\n  "
                            + problem.replace("row 1, ", "")
                                    .replace("cells", "values")
                                    .replace("rows and cols from 1", "counted from 1"));
        }
    }

    static void number(String what, double expected, double actual, Input... inputs) {
        if (!close(expected, actual)) {
            fail(what, actual, inputs, "  expected    " + fmt(expected) + "\n  your result " + fmt(actual));
        }
    }

    /**
     * Expects your backward pass to agree with the numerical gradient of your forward pass (see {@link GradientCheck}):
     * the largest relative error below 1e-7. If it is not, either step may be wrong; the hand-worked tests of both
     * say which.
     */
    static void gradientsAgree(String what, GradientCheck.Result result, Input... inputs) {
        if (!result.agrees()) {
            fail(what, null, inputs, "  gradient check: " + result);
        }
    }

    /**
     * Expects the call to throw IllegalArgumentException whose message mentions every given word. A not-implemented
     * step's UnsupportedOperationException passes through unchanged, so it is reported as "not implemented".
     */
    static void rejects(String what, Runnable call, String... mentions) {
        try {
            call.run();
        } catch (UnsupportedOperationException notImplemented) {
            throw notImplemented;
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError(what + "\n  threw IllegalArgumentException as it should, but without a "
                        + "message: say what was wrong and which sizes you saw");
            }
            for (String word : mentions) {
                if (!message.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT))) {
                    throw new AssertionError(
                            what + "\n  threw IllegalArgumentException as it should, but its message '" + message
                                    + "' does not mention '" + word + "': say what was wrong and which sizes you saw");
                }
            }
            return;
        } catch (RuntimeException e) {
            throw new AssertionError(what + "\n  expected IllegalArgumentException, got " + e, e);
        }
        throw new AssertionError(what + "\n  expected IllegalArgumentException, but nothing was thrown");
    }

    /** Fails the check, naming the known mistake its wrong result is, if any. */
    private static void fail(String what, Object actual, Input[] inputs, String body) {
        StringBuilder sb = new StringBuilder(what).append('\n');
        for (Input in : inputs) {
            sb.append("  ").append(in.name()).append(":\n").append(indent(show(in.value()), "    "));
        }
        String known = actual == null ? "" : KnownMistakes.named(what, actual);
        throw new Failure(what, actual, sb.append(body).append(known).toString());
    }

    /** @return null if equal within tolerance, else what differs */
    private static String compare(double[][] expected, double[][] actual) {
        if (actual == null) {
            return "your result is null";
        }
        for (double[] row : actual) {
            if (row == null) {
                return "your result has a null row";
            }
        }
        String shapeE = expected.length + "x" + expected[0].length;
        String shapeA = actual.length + "x" + (actual.length == 0 ? 0 : actual[0].length);
        boolean ragged = Arrays.stream(actual).anyMatch(r -> r.length != actual[0].length);
        if (ragged || !shapeE.equals(shapeA)) {
            return "expected a " + shapeE + " result, got " + (ragged ? "a ragged array" : shapeA);
        }
        int differ = 0;
        String first = null;
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[0].length; c++) {
                if (!close(expected[r][c], actual[r][c])) {
                    differ++;
                    if (first == null) {
                        first = "row " + (r + 1) + ", col " + (c + 1) + ": expected " + fmt(expected[r][c]) + ", got "
                                + fmt(actual[r][c]);
                    }
                }
            }
        }
        int cells = expected.length * expected[0].length;
        return differ == 0
                ? null
                : differ + " of " + cells + " cells differ, e.g. " + first + " (rows and cols from 1)";
    }

    static boolean close(double e, double a) {
        if (Double.isNaN(e) || Double.isInfinite(e)) {
            return Double.compare(e, a) == 0;
        }
        return Math.abs(e - a) <= TOLERANCE * Math.max(1, Math.abs(e));
    }

    private static String sideBySide(double[][] expected, double[][] actual) {
        List<String> left = lines(expected);
        List<String> right = actual == null ? List.of("null") : lines(actual);
        int width = Math.max(
                        "expected".length(),
                        left.stream().mapToInt(String::length).max().orElse(0))
                + 4;
        StringBuilder sb = new StringBuilder("  " + pad("expected", width) + "your result\n");
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String l = i < left.size() ? left.get(i) : "";
            String r = i < right.size() ? right.get(i) : "";
            sb.append("  ").append(pad(l, width)).append(r).append('\n');
        }
        return sb.toString();
    }

    private static String show(Object value) {
        if (value instanceof double[][][] stack) {
            StringBuilder sb = new StringBuilder();
            for (int m = 0; m < stack.length; m++) {
                sb.append("[")
                        .append(m)
                        .append("]\n")
                        .append(String.join("\n", lines(stack[m])))
                        .append('\n');
            }
            return sb.toString();
        }
        if (value instanceof double[][] m) {
            return String.join("\n", lines(m)) + "\n";
        }
        if (value instanceof double[] v) {
            return row(v) + "\n";
        }
        if (value instanceof Double d) {
            return fmt(d) + "\n";
        }
        return value + "\n";
    }

    private static List<String> lines(double[][] m) {
        List<String> out = new ArrayList<>();
        for (double[] r : m) {
            out.add(r == null ? "null" : row(r));
        }
        return out;
    }

    private static String row(double[] r) {
        StringBuilder sb = new StringBuilder();
        for (double v : r) {
            sb.append(sb.length() == 0 ? "" : " ").append(fmt(v));
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v)
                .replaceAll("(\\.\\d*?)0+($|e)", "$1$2")
                .replace(".e", "e");
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private static String indent(String text, String prefix) {
        return text.lines().map(l -> prefix + l + "\n").reduce("", String::concat);
    }
}
