package cnnkit.grader.common;

/**
 * Text that comes from a student — an exception message, a {@code toString()}, a file name, a compiler message that
 * quotes their code — made safe before it reaches a report. Such text is untrusted: it may be megabytes long, hold
 * newlines that start a fake Markdown heading, backticks that close a code block, HTML, or a spreadsheet formula.
 *
 * <p>Every piece is first capped at {@link #MAX_CHARS} characters (the cut says how much was left out), then made
 * safe for where it goes:
 * <ul>
 *   <li>{@link #line}: one line, control characters shown as {@code \n}, {@code \r}, {@code \t} or {@code ?};</li>
 *   <li>{@link #markdownInline}: one line with the characters that start emphasis, code, links, images, HTML or
 *       table cells escaped, for a list item or a sentence;</li>
 *   <li>{@link #markdownBlock}: a fenced code block whose fence is longer than any run of backticks inside, so
 *       nothing in it can end the block early;</li>
 *   <li>{@link #html}: the five HTML special characters as entities;</li>
 *   <li>{@link #csvCell}: one line that a spreadsheet reads as text, not as a formula.</li>
 * </ul>
 */
public final class StudentText {
    /** Longest piece of student text kept: 2 KiB of characters. */
    public static final int MAX_CHARS = 2048;

    private static final String MARKDOWN_SPECIAL = "\\`*_[]<>#|~";
    private static final String FORMULA_START = "=+-@\t\r";

    private StudentText() {}

    /**
     * @param text any text, or null
     * @return the text, or its first {@link #MAX_CHARS} characters and a note of how many more there were
     */
    public static String cap(String text) {
        return cap(text, MAX_CHARS);
    }

    /**
     * @param text any text, or null
     * @param max  most characters kept, at least 1
     * @return the text, or its first {@code max} characters (never half a surrogate pair) and a note of the rest
     */
    public static String cap(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "… (" + (text.length() - end) + " more characters not shown)";
    }

    /** @return the capped text on one line: {@code \n}, {@code \r}, {@code \t} written out, other controls as ? */
    public static String line(String text) {
        String capped = cap(text);
        StringBuilder s = new StringBuilder(capped.length());
        for (int i = 0; i < capped.length(); i++) {
            char c = capped.charAt(i);
            switch (c) {
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> s.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
            }
        }
        return s.toString();
    }

    /** @return the text on one line with {@code \ ` * _ [ ] < > # | ~} backslash-escaped (placed mid-line) */
    public static String markdownInline(String text) {
        String one = line(text);
        StringBuilder s = new StringBuilder(one.length() + 16);
        for (int i = 0; i < one.length(); i++) {
            char c = one.charAt(i);
            if (MARKDOWN_SPECIAL.indexOf(c) >= 0) {
                s.append('\\');
            }
            s.append(c);
        }
        return s.toString();
    }

    /**
     * @param text any text; it is capped, and its lines are kept
     * @return a fenced code block ending in a newline, fenced with more backticks than the text's longest run
     */
    public static String markdownBlock(String text) {
        return markdownBlock(text, MAX_CHARS);
    }

    /**
     * @param text any text; its lines are kept
     * @param max  most characters kept (for text the grader wrote around the student's, e.g. a list of reasons)
     * @return a fenced code block ending in a newline, fenced with more backticks than the text's longest run
     */
    public static String markdownBlock(String text, int max) {
        String capped = cap(text, Math.max(1, max)).replace("\r\n", "\n").replace('\r', '\n');

        String fence = "`".repeat(Math.max(3, longestRun(capped, '`') + 1));
        return fence + "\n" + capped.stripTrailing() + "\n" + fence + "\n";
    }

    /** @return the capped text with {@code & < > " '} as HTML entities */
    public static String html(String text) {
        String capped = cap(text);
        StringBuilder s = new StringBuilder(capped.length() + 16);
        for (int i = 0; i < capped.length(); i++) {
            char c = capped.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /**
     * The CSV writer quotes commas and quotes; this makes the cell's content safe for a spreadsheet as well.
     *
     * @return the text on one line, with a leading {@code '} if it would start with {@code = + - @} (a formula)
     */
    public static String csvCell(String text) {
        String one = line(text);
        return !one.isEmpty() && FORMULA_START.indexOf(one.charAt(0)) >= 0 ? "'" + one : one;
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
