package cnnkit.grader.testing;

import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One known mistake, kept as a small edit of a reference solution file rather than as a full copy of it, so the
 * mutant follows the solution when it changes and cannot drift silently. A spec file
 * {@code src/test/resources/mutants/<id>.mutant} reads:
 *
 * <pre>
 * step: Softmax
 * description: softmax divides the raw scores by their sum, without exp
 * --- find
 *             out[i] = Math.exp(scores[i] - max);
 * +++ replace
 *             out[i] = scores[i];
 * </pre>
 *
 * <p>A header of {@code key: value} lines ({@code step} and {@code description} are required; blank lines and
 * {@code #} comments allowed), then one or more blocks: the whole lines after {@code --- find} up to
 * {@code +++ replace}, replaced by the lines after it up to the next {@code --- find} or the end of the file (none
 * for a deletion). Lines inside blocks are taken verbatim, indentation included. Blocks apply in order, each to the
 * result of the ones before, and each find text must stand exactly once in that text (whole lines): otherwise the
 * solution has changed under the mutant and {@link #applyTo} fails, naming the block, instead of producing a
 * "mutant" that is no longer one.
 *
 * @param id          the misconception id (the file name without {@code .mutant})
 * @param step        the step whose solution file is edited
 * @param description the mistake, in one line
 * @param edits       the find/replace blocks, at least one
 */
public record Mutant(String id, Step step, String description, List<Edit> edits) {
    /** The spec files, relative to the grader module (Maven runs tests there). */
    public static final Path FOLDER = Path.of("src/test/resources/mutants");
    private static final String EXTENSION = ".mutant";
    private static final String FIND = "--- find";
    private static final String REPLACE = "+++ replace";

    /**
     * One find/replace block.
     *
     * @param find    whole lines, each ending in a newline, never empty
     * @param replace whole lines, each ending in a newline; empty to delete the find text
     */
    public record Edit(String find, String replace) {
    }

    /** @return the ids of the spec files in {@link #FOLDER}, sorted */
    public static List<String> ids() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(EXTENSION))
                .map(n -> n.substring(0, n.length() - EXTENSION.length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and parses {@code FOLDER/<id>.mutant}. */
    public static Mutant load(String id) {
        try {
            return parse(id, Files.readString(FOLDER.resolve(id + EXTENSION), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws IllegalArgumentException naming the line if the header or a block is malformed
     */
    public static Mutant parse(String id, String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int n = lines.length;
        if (n > 0 && lines[n - 1].isEmpty()) {
            n--; // the newline that ends the last line does not start another one
        }
        String stepName = null;
        String description = null;
        int i = 0;
        for (; i < n && !lines[i].equals(FIND); i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? line : line.substring(0, colon).strip();
            String value = colon < 0 ? "" : line.substring(colon + 1).strip();
            switch (key) {
                case "step" -> stepName = value;
                case "description" -> description = value;
                default -> throw malformed(id, i, "expected 'step: <Step>', 'description: <text>' or '" + FIND + "'");
            }
        }
        if (stepName == null || description == null || description.isEmpty()) {
            throw malformed(id, i, "the header needs 'step:' and 'description:' before the first '" + FIND + "'");
        }
        String name = stepName;
        Step step = Step.byName(name).orElseThrow(() -> malformed(id, 0, "unknown step '" + name + "'"));

        List<Edit> edits = new ArrayList<>();
        while (i < n) { // lines[i] is "--- find"
            int start = i;
            StringBuilder find = new StringBuilder();
            for (i++; i < n && !lines[i].equals(REPLACE); i++) {
                requireNoMarker(id, i, lines[i]);
                find.append(lines[i]).append('\n');
            }
            if (i == n) {
                throw malformed(id, start, "'" + FIND + "' without its '" + REPLACE + "'");
            }
            StringBuilder replace = new StringBuilder();
            for (i++; i < n && !lines[i].equals(FIND); i++) {
                requireNoMarker(id, i, lines[i]);
                replace.append(lines[i]).append('\n');
            }
            if (find.isEmpty() || find.toString().equals(replace.toString())) {
                throw malformed(id, start, "a block must find at least one line and change it");
            }
            edits.add(new Edit(find.toString(), replace.toString()));
        }
        if (edits.isEmpty()) {
            throw malformed(id, i, "no '" + FIND + "' block");
        }
        return new Mutant(id, step, description, List.copyOf(edits));
    }

    /**
     * Applies the blocks to a source text.
     *
     * @throws AssertionError naming the block if its find text does not stand exactly once (as whole lines)
     */
    public String applyTo(String source, String sourceName) {
        String text = source.replace("\r\n", "\n");
        for (int b = 0; b < edits.size(); b++) {
            Edit edit = edits.get(b);
            List<Integer> at = wholeLineMatches(text, edit.find());
            if (at.size() != 1) {
                throw new AssertionError("mutant " + id + ": find block " + (b + 1) + " of " + edits.size()
                    + " occurs " + at.size() + " times in " + sourceName + ", expected exactly once"
                    + (at.isEmpty() ? " (the solution changed: update " + FOLDER.resolve(id + EXTENSION) + ")"
                        : " (add a neighbouring line to make it unique)")
                    + ":\n" + edit.find());
            }
            int k = at.get(0);
            text = text.substring(0, k) + edit.replace() + text.substring(k + edit.find().length());
        }
        return text;
    }

    /**
     * Writes the solution's step file with this mistake to {@code folder/<Step>.java}.
     *
     * @return the written file
     */
    public Path writeSource(Path folder) {
        Path solution = Submissions.SOLUTIONS.resolve(step.sourceFile());
        try {
            String mutated = applyTo(Files.readString(solution, StandardCharsets.UTF_8), solution.toString());
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(step.sourceFile()), mutated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static void requireNoMarker(String id, int line, String text) {
        if (text.startsWith("---") || text.startsWith("+++")) {
            throw malformed(id, line, "expected '" + FIND + "' or '" + REPLACE + "' exactly, got '" + text + "'");
        }
    }

    private static IllegalArgumentException malformed(String id, int line, String what) {
        return new IllegalArgumentException(id + EXTENSION + " line " + (line + 1) + ": " + what);
    }
}
