package cnnkit.walkthrough;

import cnnkit.lecture.Step;
import java.util.List;

/**
 * One step of the walk as it is shown: what the lecture does, the learner's result next to the reference, and a
 * verdict. Renderers ({@link TerminalView}, {@link HtmlPage}) draw the same scenes.
 *
 * @param number   1-based position in the walk (the "3/8" of its heading); {@code --step} takes the lecture's label
 * @param step     the lecture step it replays
 * @param backward whether it replays the step's backward pass (Part 2) rather than its forward pass
 * @param title    e.g. "Step 1 — Convolution" or "Back 2 — Max pooling backward"
 * @param blocks   what to show, in order
 * @param verdict  how the learner's code did
 * @param hint     for a wrong step: what probably went wrong, in the lecture's words; otherwise empty
 */
public record Scene(
        int number, Step step, boolean backward, String title, List<Block> blocks, Verdict verdict, String hint) {
    public Scene {
        blocks = List.copyOf(blocks);
    }

    /** @return the kit's name of what the scene replays, e.g. "MaxPooling" or "MaxPoolingBackward" */
    public String name() {
        return backward ? step.backwardName().orElseThrow() : step.className();
    }

    /** @return the lecture's label of what the scene replays, e.g. "Step 2" or "Back 2" */
    public String label() {
        return backward ? step.backwardLabel().orElseThrow() : step.label();
    }

    /** How the learner's code did on this step. */
    public enum Verdict {
        RIGHT("matches the lecture"),
        WRONG("differs from the lecture"),
        NOT_IMPLEMENTED("not implemented yet — the walk goes on with the reference values"),
        DOES_NOT_COMPILE(
                "does not compile (the compiler's message is above) — the walk goes on with the reference " + "values");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Something a scene shows. */
    public sealed interface Block {}

    /** A sentence of narration. */
    public record Text(String text) implements Block {}

    /**
     * One line of arithmetic written out, e.g. a cell's sum of products; animated one by one on a terminal.
     *
     * @param text   the arithmetic
     * @param window the cells of a grid it reads (the detector's place, a pooling window), or null
     */
    public record Calculation(String text, Window window) implements Block {}

    /**
     * A rectangle of cells on a grid: where the detector lies, or a pooling window.
     *
     * @param over the grid
     * @param top  first row (0-based)
     * @param left first column (0-based)
     * @param rows height in cells (clipped at the grid's edge by the renderers)
     * @param cols width in cells
     */
    public record Window(Grid over, int top, int left, int rows, int cols) {
        /** @return whether cell (r, c) of the grid lies in the window */
        public boolean covers(int r, int c) {
            return r >= top && r < top + rows && c >= left && c < left + cols;
        }
    }

    /**
     * A grid of values drawn as a heatmap.
     *
     * @param caption  what it is, e.g. "your feature map"
     * @param values   the values drawn
     * @param expected the reference to colour cells right/wrong against, or null for an input (not judged)
     * @param window   side of the pooling windows to mark (windows of that size and stride), 0 for none
     */
    public record Heatmap(String caption, Grid values, Grid expected, int window) implements Block {
        /** @return whether cell (r, c) is judged and wrong */
        public boolean wrong(int r, int c) {
            return expected != null && !values.cellMatches(expected, r, c);
        }
    }

    /** A small table, e.g. the lecture's NN1/NN2 comparison. */
    public record Table(String caption, List<String> header, List<List<String>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
