package cnnkit.hidden.support;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Compares a student's result with the right one and, when they differ, throws a {@link CheckFailure} that a
 * student who has only seen the lecture can act on: what differs in words ("3 of 25 cells differ, e.g. row 3,
 * col 1: expected 4, got 0 (rows and cols from 1)": counted from 1, as the public tests and the walkthrough count),
 * the input, expected and actual with the differing cells marked, and the misconception whose wrong oracle gives
 * exactly the student's result.
 *
 * <pre>
 *   Expect.given("image", image, "featureDetector", detector)
 *       .expecting(Oracle.convolve(image, detector, 1, 0), WrongOracles.convolve(image, detector, 1, 0))
 *       .check(() -&gt; Convolution.convolve(image, detector));
 * </pre>
 *
 * <p>Argument order matters: the right and the wrong answers are computed before the student's code runs, so a
 * result is never judged against inputs that the student's code has changed.
 */
public final class Expect {
    private final List<String> names = new ArrayList<>();
    private final List<Object> snapshots = new ArrayList<>();
    private final List<Object> originals = new ArrayList<>();
    private Object expected;
    private List<Wrong> wrongs = List.of();

    private Expect() {}

    /**
     * @param namesAndValues the inputs of the call, as name, value, name, value… (arrays are copied now)
     * @return a check on a call with these inputs
     */
    public static Expect given(Object... namesAndValues) {
        Expect e = new Expect();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            e.names.add(String.valueOf(namesAndValues[i]));
            e.originals.add(namesAndValues[i + 1]);
            e.snapshots.add(Cells.copy(namesAndValues[i + 1]));
        }
        return e;
    }

    /**
     * @param right  the right result
     * @param wrongs what each misconception would return on the same input
     * @return this
     */
    public Expect expecting(Object right, List<Wrong> wrongs) {
        this.expected = right;
        this.wrongs = wrongs;
        return this;
    }

    /** Like {@link #expecting(Object, List)} for a check that no misconception of the catalogue explains. */
    public Expect expecting(Object right) {
        return expecting(right, List.of());
    }

    /**
     * Runs the student's call (with a time limit) and compares its result with the expected one.
     *
     * @throws CheckFailure if the result differs
     */
    public void check(Student.Call<?> call) {
        Object actual = Student.call(call);
        if (expected instanceof double[][][][] bank) {
            checkBank(bank, actual);
            return;
        }
        if (actual == null) {
            throw failure(
                    "your method returned null instead of " + Cells.of(expected).shape(), "null", null);
        }
        if (Cells.deepClose(expected, actual)) {
            return;
        }
        Cells e = Cells.of(expected);
        Cells a = Cells.of(actual);
        throw failure(difference(e, a), Layout.show(a, e), recognise(actual));
    }

    /** A filter bank ({@code [filter][channel][row][col]}, e.g. a filter gradient) is compared filter by filter. */
    private void checkBank(double[][][][] bank, Object actual) {
        if (!(actual instanceof double[][][][] got) || got.length != bank.length) {
            String shape = actual == null
                    ? "null"
                    : actual instanceof double[][][][] g ? g.length + " filters" : "not a filter bank";
            throw new CheckFailure(
                    "expected " + bank.length + " filters ([filter][channel][row][col]), got " + shape,
                    input(),
                    bank.length + " filters",
                    shape,
                    null);
        }
        if (Cells.deepClose(bank, actual)) {
            return;
        }
        String misconception = recognise(actual);
        for (int f = 0; f < bank.length; f++) {
            if (!Cells.deepClose(bank[f], got[f])) {
                Cells e = Cells.of(bank[f]);
                Cells a = got[f] == null ? null : Cells.of(got[f]);
                throw new CheckFailure(
                        "filter " + (f + 1) + " of " + bank.length + ": " + (a == null ? "null" : difference(e, a)),
                        input(),
                        Layout.show(e, null),
                        a == null ? "null" : Layout.show(a, e),
                        misconception);
            }
        }
    }

    /**
     * Checks that the call rejects its arguments with an {@link IllegalArgumentException} that has a message.
     * Another exception is a failure too, except "not implemented" (reported as such by the runner).
     *
     * @param why what is wrong with the arguments, e.g. "the detector is larger than the image"
     */
    public void rejects(String why, Student.Call<?> call) {
        Object returned;
        try {
            returned = Student.call(call);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw failure(
                        "IllegalArgumentException without a message: say what was wrong (" + why + ")",
                        "an exception without a message",
                        null);
            }
            return;
        } catch (UnsupportedOperationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(
                    "threw " + e.getClass().getSimpleName() + " instead of IllegalArgumentException when " + why,
                    e.getClass().getSimpleName() + ": " + e.getMessage(),
                    null);
        }
        throw failure(
                "should throw IllegalArgumentException because " + why + ", but returned "
                        + (returned == null ? "null" : Cells.of(returned).shape()),
                "returned normally",
                null);
    }

    /**
     * Checks that the call leaves its inputs as they were.
     *
     * @param misconception the step's "changes its input" misconception id, or null if the catalogue has none
     */
    public void leavesInputsUnchanged(String misconception, Student.Call<?> call) {
        Student.call(call);
        for (int i = 0; i < originals.size(); i++) {
            if (!Cells.deepClose(snapshots.get(i), originals.get(i))) {
                String name = names.get(i);
                Object before = snapshots.get(i);
                Object after = originals.get(i);
                boolean showable = !(before instanceof double[][][][]);
                throw new CheckFailure(
                        "your method changed its input " + name
                                + ": compute the result in a new array and leave the caller's arrays as they were",
                        input(),
                        showable ? Layout.show(Cells.of(before), null) : "(see input)",
                        showable ? Layout.show(Cells.of(after), Cells.of(before)) : "(changed)",
                        misconception);
            }
        }
    }

    private CheckFailure failure(String summary, String actual, String misconception) {
        String shownExpected =
                expected == null ? "IllegalArgumentException with a message" : Layout.show(Cells.of(expected), null);
        return new CheckFailure(summary, input(), shownExpected, actual, misconception);
    }

    /** The first misconception whose wrong result is the student's (and is not also the right one). */
    private String recognise(Object actual) {
        for (Wrong w : wrongs) {
            if (w.output() != null && Cells.deepClose(w.output(), actual) && !Cells.deepClose(w.output(), expected)) {
                return w.misconception();
            }
        }
        return null;
    }

    static String difference(Cells e, Cells a) {
        if (e.rank() != a.rank() || !a.regular() || !Layout.sameShape(e, a)) {
            return "expected " + e.shape() + ", got " + a.shape();
        }
        if (e.rank() == 0) {
            return "expected " + Cells.number(e.cells()[0][0][0]) + ", got " + Cells.number(a.cells()[0][0][0]);
        }
        int differ = 0;
        String first = null;
        double[][][] x = e.cells();
        double[][][] y = a.cells();
        for (int m = 0; m < x.length; m++) {
            for (int r = 0; r < x[m].length; r++) {
                for (int c = 0; c < x[m][r].length; c++) {
                    if (!Cells.close(x[m][r][c], y[m][r][c])) {
                        differ++;
                        if (first == null) {
                            first = e.where(m, r, c) + ": expected " + Cells.number(x[m][r][c]) + ", got "
                                    + Cells.number(y[m][r][c]);
                        }
                    }
                }
            }
        }
        String unit = e.rank() == 1 ? "values" : "cells";
        return differ + " of " + e.count() + " " + unit + (differ == 1 ? " differs" : " differ") + ", e.g. " + first
                + e.counting();
    }

    private String input() {
        StringJoiner all = new StringJoiner("\n");
        for (int i = 0; i < names.size(); i++) {
            Object v = snapshots.get(i);
            if (v instanceof Integer || v instanceof Double) {
                all.add(names.get(i) + " = " + (v instanceof Double d ? Cells.number(d) : v));
            } else if (v == null) {
                all.add(names.get(i) + " = null");
            } else if (v instanceof double[][][][] filters) {
                for (int f = 0; f < filters.length; f++) {
                    all.add(names.get(i) + "[" + f + "]:\n" + showInput(filters[f]));
                }
            } else {
                all.add(names.get(i) + ":\n" + showInput(v));
            }
        }
        return all.toString();
    }

    private static String showInput(Object v) {
        try {
            return Layout.show(v).indent(2).stripTrailing();
        } catch (IllegalArgumentException | NullPointerException e) {
            return "  (an irregular array)";
        }
    }
}
