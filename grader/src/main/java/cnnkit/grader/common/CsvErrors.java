package cnnkit.grader.common;

import java.io.UncheckedIOException;

/**
 * Commons CSV reports a malformed file (a quote never closed, a character after a closing quote) by throwing an
 * {@link UncheckedIOException} while it iterates; the kit turns that into one sentence for the user.
 */
public final class CsvErrors {
    private CsvErrors() {}

    /**
     * @param e what Commons CSV threw while reading records
     * @return e.g. "not well-formed CSV: a quote is never closed (the file ends on line 3)"
     */
    public static String describe(UncheckedIOException e) {
        String why = e.getCause() == null
                ? String.valueOf(e.getMessage())
                : e.getCause().getMessage();
        java.util.regex.Matcher line =
                java.util.regex.Pattern.compile("\\(line (\\d+)\\)").matcher(why);
        String where = line.find() ? " on line " + line.group(1) : "";
        if (why.contains("EOF reached before encapsulated token finished")) {
            return "not well-formed CSV: a quote is never closed (the file ends" + where + ")";
        }
        return "not well-formed CSV" + where + ": " + why;
    }
}
