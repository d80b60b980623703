package cnnkit.walkthrough;

import cnnkit.lecture.LectureData;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The lecture's arithmetic written out as text, so a learner can redo any cell by hand. Every result shown is
 * the lecture's own number, passed in from its data: nothing here computes a step (the learners' jar must not,
 * see StudentJarTest), it only lays out the terms that lead to it.
 */
final class Arithmetic {
    private Arithmetic() {}

    /**
     * @return e.g. "0·0 + 0·0 + 1·0 + ... = 1": the detector laid on the image with its top-left at (top, left),
     *     ending in the lecture's {@code cell}
     */
    static String sumOfProducts(double[][] image, double[][] detector, int top, int left, double cell) {
        StringJoiner terms = new StringJoiner(" + ");
        for (int i = 0; i < detector.length; i++) {
            for (int j = 0; j < detector[0].length; j++) {
                terms.add(Grid.format(image[top + i][left + j]) + "·" + Grid.format(detector[i][j]));
            }
        }
        return terms + " = " + Grid.format(cell);
    }

    /**
     * @return one line per 2x2 / stride-2 window of {@code map}: its place, its cells and the lecture's
     *     {@code pooled} cell for it
     */
    static List<String> poolingWindows(double[][] map, double[][] pooled) {
        List<String> lines = new ArrayList<>();
        for (int top = 0; top < map.length; top += 2) {
            for (int left = 0; left < map[0].length; left += 2) {
                StringJoiner cells = new StringJoiner(", ");
                for (int r = top; r < Math.min(top + 2, map.length); r++) {
                    for (int c = left; c < Math.min(left + 2, map[0].length); c++) {
                        cells.add(Grid.format(map[r][c]));
                    }
                }
                lines.add(String.format(
                        "window %d: %s, %s: max(%s) = %s",
                        lines.size() + 1,
                        span("row", top, map.length),
                        span("col", left, map[0].length),
                        cells,
                        Grid.format(pooled[top / 2][left / 2])));
            }
        }
        return lines;
    }

    /** @return e.g. "0.2·1 + -0.1·1 + ... + 0.1 (bias) = 1.9", ending in the lecture's {@code score} */
    static String weightedSum(double[] weights, double[] input, double bias, double score) {
        StringJoiner terms = new StringJoiner(" + ");
        for (int i = 0; i < input.length; i++) {
            terms.add(Grid.format(weights[i]) + "·" + Grid.format(input[i]));
        }
        return terms + " + " + Grid.format(bias) + " (bias) = " + Grid.format(score);
    }

    /** @return one line per class: e^z / (Σ e^z) = p, with the lecture's {@code probabilities} as p */
    static List<String> softmax(double[] scores, double[] probabilities, String[] names) {
        StringJoiner denominator = new StringJoiner(" + ");
        for (double s : scores) {
            denominator.add("e^" + Grid.format(s));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            lines.add(names[i] + ": e^" + Grid.format(scores[i]) + " / (" + denominator + ") = "
                    + Grid.format(probabilities[i]));
        }
        return lines;
    }

    /** @return e.g. "1·ln 0.7311 + 0·ln 0.2689" */
    static String termsOfLogs(double[] target, double[] predicted) {
        StringJoiner terms = new StringJoiner(" + ");
        for (int i = 0; i < target.length; i++) {
            terms.add(Grid.format(target[i]) + "·ln " + Grid.format(predicted[i]));
        }
        return terms.toString();
    }

    /**
     * @return one line per class of softmax's backward pass, {@code y·(g − g·y)}, ending in the expected
     *     {@code result}, e.g. "Dog: 0.7311·(-1.3679 − (-1.3679·0.7311 + 0·0.2689)) = -0.2689"
     */
    static List<String> softmaxBackward(double[] y, double[] g, double[] result, String[] names) {
        StringJoiner dot = new StringJoiner(" + ", "(", ")");
        for (int j = 0; j < y.length; j++) {
            dot.add(Grid.format(g[j]) + "·" + Grid.format(y[j]));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            lines.add(names[i] + ": " + Grid.format(y[i]) + "·(" + Grid.format(g[i]) + " − " + dot + ") = "
                    + Grid.format(result[i]));
        }
        return lines;
    }

    /**
     * @return e.g. "0.2·(-0.2689) + -0.3·0.2689 = -0.1345": column {@code i} of the weights times the gradient,
     *     ending in the expected {@code result}
     */
    static String transposedProduct(double[][] weights, double[] g, int i, double result) {
        StringJoiner terms = new StringJoiner(" + ");
        for (int o = 0; o < g.length; o++) {
            terms.add(Grid.format(weights[o][i]) + "·" + factor(g[o]));
        }
        return terms + " = " + Grid.format(result);
    }

    /** @return e.g. "-0.2689·1, -0.2689·1, -0.2689·0, ... = -0.2689, -0.2689, 0, ...": one row of g ⊗ x */
    static String outerRow(double g, double[] input, double[] result) {
        StringJoiner terms = new StringJoiner(", ");
        for (double x : input) {
            terms.add(Grid.format(g) + "·" + Grid.format(x));
        }
        return terms + " = " + list(result);
    }

    /**
     * @return one line per 2x2 / stride-2 window of {@code map}: its cells, the first largest of them in row-major
     *     order (with the cells it ties with) and the window's gradient {@code g} that goes there
     */
    static List<String> poolingGradients(double[][] map, double[][] g) {
        List<String> lines = new ArrayList<>();
        for (int top = 0; top < map.length; top += 2) {
            for (int left = 0; left < map[0].length; left += 2) {
                StringJoiner cells = new StringJoiner(", ");
                int[] first = {top, left};
                List<String> ties = new ArrayList<>();
                for (int r = top; r < Math.min(top + 2, map.length); r++) {
                    for (int c = left; c < Math.min(left + 2, map[0].length); c++) {
                        cells.add(Grid.format(map[r][c]));
                        if (map[r][c] > map[first[0]][first[1]]) {
                            first = new int[] {r, c};
                            ties.clear();
                        } else if (map[r][c] == map[first[0]][first[1]] && (r != first[0] || c != first[1])) {
                            ties.add(cell(r, c));
                        }
                    }
                }
                String tie = ties.isEmpty()
                        ? ""
                        : " (a tie with " + String.join(", ", ties)
                                + ": the first in row-major order, row by row, gets it)";
                lines.add(String.format(
                        "window %d: %s, %s: max(%s) = %s at %s%s → gets g = %s, the other cells 0",
                        lines.size() + 1,
                        span("row", top, map.length),
                        span("col", left, map[0].length),
                        cells,
                        Grid.format(map[first[0]][first[1]]),
                        cell(first[0], first[1]),
                        tie,
                        Grid.format(g[top / 2][left / 2])));
            }
        }
        return lines;
    }

    /**
     * @return one line per cell whose incoming gradient {@code g} is not 0: whether ReLU's input there is {@code > 0}
     *     (the gradient passes) or not (it stops), ending in the expected {@code result}'s cell
     */
    static List<String> reluGradients(double[][] input, double[][] g, double[][] result) {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < g.length; r++) {
            for (int c = 0; c < g[0].length; c++) {
                if (g[r][c] != 0) {
                    lines.add(cell(r, c) + ": input " + Grid.format(input[r][c])
                            + (input[r][c] > 0 ? " > 0, the gradient passes: " : " ≤ 0, the gradient stops: ")
                            + Grid.format(g[r][c]) + " → " + Grid.format(result[r][c]));
                }
            }
        }
        return lines;
    }

    /**
     * @return detector cell (i, j)'s gradient written out: {@code g[r][c]·image[r + i][c + j]} for every position
     *     (r, c) where g is not 0 (the others add 0), ending in the expected {@code result}
     */
    static String detectorGradient(double[][] image, double[][] g, int i, int j, double result) {
        StringJoiner terms = new StringJoiner(" + ");
        for (int r = 0; r < g.length; r++) {
            for (int c = 0; c < g[0].length; c++) {
                if (g[r][c] != 0) {
                    terms.add(Grid.format(g[r][c]) + "·" + Grid.format(image[r + i][c + j]));
                }
            }
        }
        return terms.length() == 0 ? "g is 0 everywhere: 0" : terms + " = " + Grid.format(result);
    }

    /**
     * @return one line per image cell (y, x) that a position (r, c) with g not 0 covered: the terms
     *     {@code g[r][c]·detector[y − r][x − c]}, ending in the expected {@code result}'s cell
     */
    static List<String> imageGradients(double[][] detector, double[][] g, double[][] result) {
        List<String> lines = new ArrayList<>();
        for (int y = 0; y < result.length; y++) {
            for (int x = 0; x < result[0].length; x++) {
                StringJoiner terms = new StringJoiner(" + ");
                for (int r = Math.max(0, y - detector.length + 1); r <= Math.min(y, g.length - 1); r++) {
                    for (int c = Math.max(0, x - detector[0].length + 1); c <= Math.min(x, g[0].length - 1); c++) {
                        if (g[r][c] != 0) {
                            terms.add(Grid.format(g[r][c]) + "·" + Grid.format(detector[y - r][x - c]));
                        }
                    }
                }
                if (terms.length() > 0) {
                    lines.add(cell(y, x) + ": " + terms + " = " + Grid.format(result[y][x]));
                }
            }
        }
        return lines;
    }

    /** @return e.g. "row 2, col 3" for the 0-based cell (1, 2) */
    static String cell(int r, int c) {
        return "row " + (r + 1) + ", col " + (c + 1);
    }

    /** @return the value as a factor after "·": negative ones in parentheses, e.g. "(-0.2689)" */
    private static String factor(double v) {
        return v < 0 ? "(" + Grid.format(v) + ")" : Grid.format(v);
    }

    /** @return the NN1/NN2 table's rows: image number, both networks' outputs, the true class */
    static List<List<String>> networkRows(LectureData.Network nn1, LectureData.Network nn2) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < nn1.predicted().length; i++) {
            rows.add(List.of(
                    "#" + (i + 1),
                    Grid.format(nn1.predicted()[i][0]),
                    Grid.format(nn1.predicted()[i][1]),
                    Grid.format(nn2.predicted()[i][0]),
                    Grid.format(nn2.predicted()[i][1]),
                    nn1.actual()[i][0] == 1 ? "Dog" : "Cat"));
        }
        return rows;
    }

    /** @return e.g. "16 of 25 cells differ, e.g. row 4, col 2: expected 4, got 0" */
    static String difference(Grid actual, Grid expected) {
        if (!actual.sameShape(expected)) {
            return "your result is " + actual.shape() + " but the lecture's is " + expected.shape();
        }
        int cells = expected.rows() * expected.cols();
        for (int r = 0; r < expected.rows(); r++) {
            for (int c = 0; c < expected.cols(); c++) {
                if (!actual.cellMatches(expected, r, c)) {
                    String where = expected.rows() == 1 ? "position " + (c + 1) : "row " + (r + 1) + ", col " + (c + 1);
                    return actual.differingCells(expected) + " of " + cells + " cells differ, e.g. " + where
                            + ": expected " + Grid.format(expected.get(r, c)) + ", got "
                            + Grid.format(actual.get(r, c));
                }
            }
        }
        return "no cell differs";
    }

    /** @return {row, col} of the largest cell (the first one on ties) */
    static int[] argmax(double[][] m) {
        int[] best = {0, 0};
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[0].length; c++) {
                if (m[r][c] > m[best[0]][best[1]]) {
                    best = new int[] {r, c};
                }
            }
        }
        return best;
    }

    static String list(double[] values) {
        StringJoiner s = new StringJoiner(", ");
        for (double v : values) {
            s.add(Grid.format(v));
        }
        return s.toString();
    }

    /** @return "rows 1–2" for the 2-cell span starting at 0-based {@code start}, or "row 5" for a partial one */
    private static String span(String axis, int start, int length) {
        int end = Math.min(start + 2, length);
        return end - start == 1 ? axis + " " + (start + 1) : axis + "s " + (start + 1) + "–" + end;
    }
}
