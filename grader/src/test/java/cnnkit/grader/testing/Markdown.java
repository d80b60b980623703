package cnnkit.grader.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a report as a Markdown renderer would, for tests that look for forged headings or HTML. */
public final class Markdown {
    private static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,})(.*)$");

    private Markdown() {}

    /** @return the lines of a Markdown text that are not inside a fenced code block (CommonMark's fence rules) */
    public static List<String> outsideCode(String md) {
        List<String> out = new ArrayList<>();
        String open = null;
        for (String line : md.split("\n", -1)) {
            Matcher m = FENCE.matcher(line);
            boolean fence = m.matches();
            if (open == null && fence) {
                open = m.group(1);
            } else if (open != null
                    && fence
                    && m.group(1).charAt(0) == open.charAt(0)
                    && m.group(1).length() >= open.length()
                    && m.group(2).isBlank()) {
                open = null;
            } else if (open == null) {
                out.add(line);
            }
        }
        return out;
    }
}
