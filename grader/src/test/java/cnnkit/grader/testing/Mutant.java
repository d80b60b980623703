package cnnkit.grader.testing;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.common.CodeEdits;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One known mistake, kept as a small edit of a reference solution file rather than as a full copy of it, so the
 * mutant follows the solution when it changes and cannot drift silently. A spec file
 * {@code src/test/resources/mutants/<id>.mutant} is a {@link CodeEdits} spec (the format is described there) with the
 * required header keys {@code step} and {@code description}, whose blocks all edit the step's solution file:
 *
 * <pre>
 * step: Softmax
 * description: softmax divides the raw scores by their sum, without exp
 * --- find Softmax.java
 *             out[i] = Math.exp(scores[i] - max);
 * +++ replace
 *             out[i] = scores[i];
 * </pre>
 *
 * <p>If a find text no longer stands exactly once in the solution, the solution has changed under the mutant and
 * {@link #applyTo} fails, naming the block, instead of producing a "mutant" that is no longer one.
 *
 * <p>The mistakes of the catalogue are in {@link #FOLDER}; {@link #PUBLIC_ONLY} holds mistakes that only the public
 * tests name (a crash, a missing {@code @throws} rule), each with the key {@code hint}: what the student reads.
 *
 * @param id          the misconception id (the file name without {@code .mutant})
 * @param unit        the graded unit the mistake belongs to, as the catalogue names it: a step (Part 1) or a
 *                    backward pass, e.g. {@code MaxPoolingBackward} (Part 2); the header's {@code step:}
 * @param step        the step whose solution file is edited (the unit's slot, {@link Assignment})
 * @param description the mistake, in one line
 * @param hint        what the student reads, for a mistake outside the catalogue; empty for the catalogue's
 * @param edits       the find/replace blocks, at least one, each naming {@code <Step>.java}
 */
public record Mutant(String id, String unit, Step step, String description, String hint, List<CodeEdits.Edit> edits) {
    /** The catalogue's mistakes, relative to the grader module (Maven runs tests there). */
    public static final Path FOLDER = Path.of("src/test/resources/mutants");
    /** Mistakes outside the catalogue that the public tests name. */
    public static final Path PUBLIC_ONLY = Path.of("src/test/resources/public-mistakes");

    private static final String EXTENSION = ".mutant";
    private static final List<CodeEdits.Key> KEYS = List.of(
            CodeEdits.Key.required("step"), CodeEdits.Key.required("description"), CodeEdits.Key.optional("hint"));

    public Mutant {
        edits = List.copyOf(edits);
    }

    /** @return the ids of the spec files in {@link #FOLDER}, sorted */
    public static List<String> ids() {
        return ids(FOLDER);
    }

    /** @return the ids of the spec files in a folder, sorted */
    public static List<String> ids(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(EXTENSION))
                    .map(n -> n.substring(0, n.length() - EXTENSION.length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and parses {@code FOLDER/<id>.mutant}. */
    public static Mutant load(String id) {
        return load(FOLDER, id);
    }

    /** Reads and parses {@code folder/<id>.mutant}. */
    public static Mutant load(Path folder, String id) {
        try {
            return parse(id, Files.readString(folder.resolve(id + EXTENSION), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws IllegalArgumentException naming the line if the header or a block is malformed, the step unknown, there
     *                                  is no block or a block names another file than the step's
     */
    public static Mutant parse(String id, String text) {
        String name = FOLDER.resolve(id + EXTENSION).toString();
        CodeEdits spec = CodeEdits.parse(name, text, KEYS);
        String stepName = spec.value("step");
        Assignment.Slot slot = Assignment.slotOf(stepName)
                .orElseThrow(() -> new IllegalArgumentException(name + ": unknown step '" + stepName + "'"));
        Step step = slot.step();
        String file = slot.assignment().sourceFile(step);
        if (spec.edits().isEmpty()) {
            throw new IllegalArgumentException(name + ": no '--- find " + file + "' block");
        }
        for (CodeEdits.Edit e : spec.edits()) {
            if (!e.file().equals(file)) {
                throw new IllegalArgumentException(name + " line " + e.line() + ": a mutant of " + stepName + " edits "
                        + file + " only, not " + e.file());
            }
        }
        String hint = spec.value("hint") == null ? "" : spec.value("hint");
        return new Mutant(id, stepName, step, spec.value("description"), hint, spec.edits());
    }

    /** @return the solution file the mutant edits, e.g. {@code MaxPooling.java} or {@code Training.java} */
    public String sourceFile() {
        return Assignment.slotOf(unit).orElseThrow().assignment().sourceFile(step);
    }

    /**
     * Applies the blocks to the text of the step's solution file.
     *
     * @param sourceName where the text comes from, for the message
     * @throws AssertionError naming the block if its find text does not stand exactly once (as whole lines)
     */
    public String applyTo(String source, String sourceName) {
        try {
            return new CodeEdits(FOLDER.resolve(id + EXTENSION).toString(), Map.of(), edits)
                    .apply(sourceFile(), source);
        } catch (IllegalStateException e) {
            throw new AssertionError("mutant " + id + " on " + sourceName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the solution's step file with this mistake to {@code folder/<Step>.java}.
     *
     * @return the written file
     */
    public Path writeSource(Path folder) {
        Path solution = Submissions.SOLUTIONS.resolve(sourceFile());
        try {
            String mutated = applyTo(Files.readString(solution, StandardCharsets.UTF_8), solution.toString());
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(sourceFile()), mutated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
