package cnnkit.grader.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A spec of edits that turn a correct solution into another submission: the one mini-language of the kit for it,
 * used by the catalogue's mutants ({@code grader/src/test/resources/mutants/<id>.mutant}, the test class
 * {@code cnnkit.grader.testing.Mutant}) and by the sample class ({@code sample-class/<id>/recipe.txt},
 * {@code cnnkit.grader.cli.SampleClass}). This Javadoc is where the format is described. A spec reads:
 *
 * <pre>
 * # a comment
 * step: Softmax
 * description: softmax divides the raw scores by their sum, without exp
 * --- find Softmax.java
 *             out[i] = Math.exp(scores[i] - max);
 * +++ replace
 *             out[i] = scores[i];
 * --- find Softmax.java
 *         double max = scores[0];
 * +++ replace
 * </pre>
 *
 * <ul>
 * <li><b>The header</b>: {@code key: value} lines up to the first {@code --- find} line; blank lines and lines
 *     starting with {@code #} are skipped. Which keys are allowed, which are required (present with a non-empty
 *     value) and which may be repeated is given by the caller as {@link Key}s; anything else is an error. The value is
 *     the text after the first colon, stripped.</li>
 * <li><b>The blocks</b>, none or more: a line {@code --- find FILE} (FILE names the file the block edits, so one spec
 *     may edit several files; how the name is resolved is the caller's business), the whole lines to find, a line
 *     {@code +++ replace} exactly, and the whole lines that replace them, up to the next {@code --- find} line or the
 *     end of the spec. No replace lines is a deletion. Lines inside blocks are taken verbatim (indentation, blank
 *     lines and {@code #} included) and may not start with {@code ---} or {@code +++}; a block must find at least one
 *     line and change it.</li>
 * <li><b>Applying</b> ({@link #apply}): the blocks of a file apply in the spec's order, each to the result of the
 *     ones before. Each find text must stand exactly once in that text as whole lines (starting at the start of a
 *     line); otherwise the edited file has changed under the spec, and applying fails naming the spec, the block and
 *     the file instead of quietly producing something else.</li>
 * <li><b>Line endings</b>: a spec may use CRLF or LF; a source using CRLF is matched and edited with CRLF, so the
 *     result keeps the source's line endings. Finds and replacements always end in a line break.</li>
 * </ul>
 *
 * @param name   the spec's name in messages, e.g. its path ({@code mutants/softmax-no-exp.mutant})
 * @param header the header's values by key, in the spec's order (a repeatable key may have several)
 * @param edits  the find/replace blocks, in the spec's order
 */
public record CodeEdits(String name, Map<String, List<String>> header, List<Edit> edits) {
    private static final String FIND = "--- find";
    private static final String REPLACE = "+++ replace";

    /**
     * One find/replace block.
     *
     * @param file    the file it edits, as named on its {@code --- find} line
     * @param find    whole lines, each ending in {@code \n}, never empty
     * @param replace whole lines, each ending in {@code \n}; empty to delete the find text
     * @param line    the line number of its {@code --- find} line in the spec, from 1
     */
    public record Edit(String file, String find, String replace, int line) {}

    /**
     * A header key the caller allows.
     *
     * @param name       the key, before the colon
     * @param required   whether the spec must give it, with a non-empty value
     * @param repeatable whether it may stand on several lines
     */
    public record Key(String name, boolean required, boolean repeatable) {
        /** @return a key that must stand once, with a value */
        public static Key required(String name) {
            return new Key(name, true, false);
        }

        /** @return a key that may stand once */
        public static Key optional(String name) {
            return new Key(name, false, false);
        }

        /** @return a key that may stand on any number of lines */
        public static Key repeatable(String name) {
            return new Key(name, false, true);
        }
    }

    public CodeEdits {
        header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
        edits = List.copyOf(edits);
    }

    /**
     * Parses a spec.
     *
     * @param name a name for messages, e.g. the spec's path
     * @param text the spec
     * @param keys the header keys allowed
     * @throws IllegalArgumentException naming the spec and the line if the header or a block is malformed
     */
    public static CodeEdits parse(String name, String text, List<Key> keys) {
        Map<String, Key> allowed = new LinkedHashMap<>();
        for (Key k : keys) {
            allowed.put(k.name(), k);
        }
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int n = lines.length;
        if (n > 0 && lines[n - 1].isEmpty()) {
            n--; // the line break that ends the last line does not start another one
        }
        Map<String, List<String>> header = new LinkedHashMap<>();
        int i = 0;
        for (; i < n && !isFind(lines[i]); i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            Key key = colon < 0 ? null : allowed.get(line.substring(0, colon).strip());
            if (key == null) {
                throw malformed(
                        name,
                        i,
                        "expected "
                                + String.join(
                                        ", ",
                                        allowed.keySet().stream()
                                                .map(k -> "'" + k + ": ...'")
                                                .toList()) + " or '" + FIND + " FILE', got '" + line + "'");
            }
            List<String> values = header.computeIfAbsent(key.name(), k -> new ArrayList<>());
            if (!values.isEmpty() && !key.repeatable()) {
                throw malformed(name, i, "'" + key.name() + ":' stands twice in the header");
            }
            values.add(line.substring(colon + 1).strip());
        }
        for (Key k : keys) {
            if (k.required()
                    && header.getOrDefault(k.name(), List.of()).stream().allMatch(String::isEmpty)) {
                throw malformed(
                        name, i, "the header needs '" + k.name() + ": <value>' before the first '" + FIND + "'");
            }
        }

        List<Edit> edits = new ArrayList<>();
        while (i < n) { // lines[i] is a find line
            int start = i;
            String file = lines[i].substring(FIND.length()).strip();
            if (file.isEmpty()) {
                throw malformed(name, i, "'" + FIND + "' names no file: write '" + FIND + " File.java'");
            }
            StringBuilder find = new StringBuilder();
            for (i++; i < n && !lines[i].equals(REPLACE); i++) {
                requireNoMarker(name, i, lines[i]);
                find.append(lines[i]).append('\n');
            }
            if (i == n) {
                throw malformed(name, start, "'" + FIND + "' without its '" + REPLACE + "'");
            }
            StringBuilder replace = new StringBuilder();
            for (i++; i < n && !isFind(lines[i]); i++) {
                requireNoMarker(name, i, lines[i]);
                replace.append(lines[i]).append('\n');
            }
            if (find.isEmpty() || find.toString().equals(replace.toString())) {
                throw malformed(name, start, "a block must find at least one line and change it");
            }
            edits.add(new Edit(file, find.toString(), replace.toString(), start + 1));
        }
        return new CodeEdits(name, header, edits);
    }

    /** @return the one value of a key, or {@code null} if the spec does not give it */
    public String value(String key) {
        List<String> values = header.get(key);
        return values == null ? null : values.get(0);
    }

    /** @return every value of a key, in the spec's order; empty if the spec does not give it */
    public List<String> values(String key) {
        return header.getOrDefault(key, List.of());
    }

    /** @return the files the blocks edit, in the order they are first named */
    public Set<String> files() {
        Set<String> files = new LinkedHashSet<>();
        edits.forEach(e -> files.add(e.file()));
        return files;
    }

    /**
     * Applies the blocks naming {@code file} to its text, in order.
     *
     * @param file   a file as named on the find lines
     * @param source its text; unchanged if no block names it
     * @return the edited text
     * @throws IllegalStateException naming the spec, the block and the file if a find text does not stand exactly
     *                               once (as whole lines)
     */
    public String apply(String file, String source) {
        String eol = source.contains("\r\n") ? "\r\n" : "\n";
        String text = source;
        for (int b = 0; b < edits.size(); b++) {
            Edit edit = edits.get(b);
            if (!edit.file().equals(file)) {
                continue;
            }
            String find = edit.find().replace("\n", eol);
            List<Integer> at = wholeLineMatches(text, find);
            if (at.size() != 1) {
                throw new IllegalStateException(name + ": find block " + (b + 1) + " of " + edits.size() + " (line "
                        + edit.line() + ") occurs " + at.size() + " times in " + file + ", expected exactly once"
                        + (at.isEmpty()
                                ? " (the file changed under the spec: update " + name + ")"
                                : " (add a neighbouring line to the find to make it unique)")
                        + ":\n" + edit.find());
            }
            int k = at.get(0);
            text = text.substring(0, k) + edit.replace().replace("\n", eol) + text.substring(k + find.length());
        }
        return text;
    }

    private static boolean isFind(String line) {
        return line.equals(FIND) || line.startsWith(FIND + " ");
    }

    /** Start offsets where {@code lines} stands in {@code text} beginning at the start of a line. */
    private static List<Integer> wholeLineMatches(String text, String lines) {
        List<Integer> at = new ArrayList<>();
        for (int k = text.indexOf(lines); k >= 0; k = text.indexOf(lines, k + 1)) {
            if (k == 0 || text.charAt(k - 1) == '\n') {
                at.add(k);
            }
        }
        return at;
    }

    private static void requireNoMarker(String name, int line, String text) {
        if (text.startsWith("---") || text.startsWith("+++")) {
            throw malformed(
                    name, line, "expected '" + FIND + " FILE' or '" + REPLACE + "' exactly, got '" + text + "'");
        }
    }

    private static IllegalArgumentException malformed(String name, int line, String what) {
        return new IllegalArgumentException(name + " line " + (line + 1) + ": " + what);
    }
}
