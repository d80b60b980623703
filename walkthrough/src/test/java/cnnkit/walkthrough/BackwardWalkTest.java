package cnnkit.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnkit.lecture.LectureData;
import cnnkit.lecture.Step;
import cnnkit.walkthrough.Scene.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The walk's backward passes. Every expected number here is worked out again by the test's own loops from the
 * lecture's data (target Dog, t = (1, 0)), not read from the walk's gradient table or the hidden tests' oracles.
 */
@DisplayName("The walkthrough goes backwards through the lecture's example")
class BackwardWalkTest {
    private static final double CLOSE = 1e-12;

    private static List<Scene> walk(Path classes) {
        try (LearnerCode code = LearnerCode.fromClasses(classes)) {
            return new Walkthrough(code.implementation(), Duration.ofSeconds(10), Map.of()).walk();
        }
    }

    private static List<Scene.Heatmap> judged(Scene s) {
        return s.blocks().stream()
                .filter(b -> b instanceof Scene.Heatmap h && h.expected() != null)
                .map(Scene.Heatmap.class::cast)
                .toList();
    }

    private static List<String> lines(Scene s) {
        return s.blocks().stream()
                .filter(b -> b instanceof Scene.Calculation)
                .map(b -> ((Scene.Calculation) b).text())
                .toList();
    }

    /** Asserts that the learner's grid and the walk's expected grid both equal {@code want}. */
    private static void bothAre(Scene.Heatmap h, double[][] want) {
        for (Grid g : List.of(h.values(), h.expected())) {
            assertThat(g.rows()).as(h.caption()).isEqualTo(want.length);
            for (int r = 0; r < want.length; r++) {
                assertThat(g.cells()[r]).as(h.caption() + " row " + (r + 1)).containsExactly(want[r], within(CLOSE));
            }
        }
    }

    // ---- the lecture's example backwards, by the test's own hand ------------------------------------------------

    private static double[] scoresGradient() {
        double[] y = LectureData.probabilities();
        Map<String, Double> e = LectureData.crossEntropyExample();
        return new double[] {y[0] - e.get("target_dog"), y[1] - e.get("target_cat")};
    }

    private static double[] flattenedGradient() {
        double[][] w = LectureData.denseWeights();
        double[] g = scoresGradient();
        double[] out = new double[w[0].length];
        for (int i = 0; i < out.length; i++) {
            out[i] = w[0][i] * g[0] + w[1][i] * g[1];
        }
        return out;
    }

    private static double[][] pooledGradient() {
        double[] v = flattenedGradient();
        return new double[][] {{v[0], v[1], v[2]}, {v[3], v[4], v[5]}, {v[6], v[7], v[8]}};
    }

    /** Each window's gradient to its first largest cell, row by row (a later cell must be strictly larger). */
    private static double[][] rectifiedGradient() {
        double[][] map = LectureData.rectifiedMap();
        double[][] g = pooledGradient();
        double[][] out = new double[5][5];
        for (int wr = 0; wr < 3; wr++) {
            for (int wc = 0; wc < 3; wc++) {
                int br = 2 * wr;
                int bc = 2 * wc;
                for (int r = 2 * wr; r < Math.min(2 * wr + 2, 5); r++) {
                    for (int c = 2 * wc; c < Math.min(2 * wc + 2, 5); c++) {
                        if (map[r][c] > map[br][bc]) {
                            br = r;
                            bc = c;
                        }
                    }
                }
                out[br][bc] += g[wr][wc];
            }
        }
        return out;
    }

    private static double[][] featureMapGradient() {
        double[][] map = LectureData.featureMap();
        double[][] g = rectifiedGradient();
        double[][] out = new double[5][5];
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                out[r][c] = map[r][c] > 0 ? g[r][c] : 0;
            }
        }
        return out;
    }

    private static double[][] detectorGradient() {
        double[][] image = LectureData.image();
        double[][] g = featureMapGradient();
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int r = 0; r < 5; r++) {
                    for (int c = 0; c < 5; c++) {
                        out[i][j] += g[r][c] * image[r + i][c + j];
                    }
                }
            }
        }
        return out;
    }

    private static double[][] imageGradient() {
        double[][] k = LectureData.featureDetector();
        double[][] g = featureMapGradient();
        double[][] out = new double[7][7];
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        out[r + i][c + j] += g[r][c] * k[i][j];
                    }
                }
            }
        }
        return out;
    }

    @Nested
    @DisplayName("on a correct implementation")
    class Correct {
        private final List<Scene> back = walk(Learners.correct()).subList(Step.values().length, Walkthrough.SCENES);

        @Test
        @DisplayName("after the forward steps come the six backward passes, from the loss back to the image, all right")
        void sixBackwardScenes() {
            assertThat(back).extracting(Scene::step).containsExactlyElementsOf(Walkthrough.BACKWARD);
            assertThat(back).allMatch(Scene::backward).allMatch(s -> s.verdict() == Verdict.RIGHT);
            assertThat(back)
                    .extracting(Scene::title)
                    .containsExactly(
                            "Back E1 — Softmax backward",
                            "Back 4 — Full connection backward",
                            "Back 3 — Flattening backward",
                            "Back 2 — Max pooling backward",
                            "Back 1(b) — ReLU backward",
                            "Back 1 — Convolution backward");
            assertThat(back).extracting(Scene::number).containsExactly(9, 10, 11, 12, 13, 14);
        }

        @Test
        @DisplayName("softmax's backward pass of −t / y is y − t, and the dense layer's gradients are Wᵀg, g ⊗ x, g")
        void softmaxAndFullConnection() {
            double[] g = scoresGradient();
            bothAre(judged(back.get(0)).get(0), new double[][] {g});

            List<Scene.Heatmap> dense = judged(back.get(1));
            assertThat(dense).hasSize(3);
            bothAre(dense.get(0), new double[][] {flattenedGradient()});
            double[] x = LectureData.flattened();
            double[][] outer = new double[2][x.length];
            for (int o = 0; o < 2; o++) {
                for (int i = 0; i < x.length; i++) {
                    outer[o][i] = g[o] * x[i];
                }
            }
            bothAre(dense.get(1), outer);
            bothAre(dense.get(2), new double[][] {g});
        }

        @Test
        @DisplayName("each Wᵀg line's products sum to its position's gradient")
        void denseLinesAddUp() {
            double[] want = flattenedGradient();
            Pattern line = Pattern.compile("position (\\d): (.+) = (-?[\\d.]+)");
            int seen = 0;
            for (String text : lines(back.get(1))) {
                Matcher m = line.matcher(text);
                if (m.matches()) {
                    double sum = 0;
                    for (String term : m.group(2).split(" \\+ ")) {
                        String[] f = term.replace("(", "").replace(")", "").split("·");
                        sum += Double.parseDouble(f[0]) * Double.parseDouble(f[1]);
                    }
                    int i = Integer.parseInt(m.group(1)) - 1;
                    assertThat(sum).isCloseTo(want[i], within(2e-4));
                    assertThat(Double.parseDouble(m.group(3))).isCloseTo(want[i], within(1e-4));
                    seen++;
                }
            }
            assertThat(seen).isEqualTo(9);
        }

        @Test
        @DisplayName("unflatten, max pooling, ReLU and the convolution give the gradients worked out by hand")
        void mapsBackToTheImage() {
            bothAre(judged(back.get(2)).get(0), pooledGradient());
            bothAre(judged(back.get(3)).get(0), rectifiedGradient());
            bothAre(judged(back.get(4)).get(0), featureMapGradient());
            List<Scene.Heatmap> conv = judged(back.get(5));
            bothAre(conv.get(0), detectorGradient());
            bothAre(conv.get(1), imageGradient());
        }

        @Test
        @DisplayName("max pooling's gradient goes to the first of tied cells, row by row, and the walk says so")
        void tiesGoToTheFirstCell() {
            double[][] g = pooledGradient();
            double[][] routed = judged(back.get(3)).get(0).values().cells();

            // window 1 holds 0, 1 / 0, 1: the 1 in row 1 comes first
            assertThat(routed[0][1]).isCloseTo(g[0][0], within(CLOSE));
            assertThat(routed[1][1]).isZero();
            // window 3 (the right edge, rows 1-2) holds 0 / 0: its gradient goes to row 1, col 5 ...
            assertThat(routed[0][4]).isCloseTo(g[0][2], within(CLOSE));
            // ... and ReLU stops it there: the feature map is 0 at that cell
            assertThat(judged(back.get(4)).get(0).values().get(0, 4)).isZero();
            assertThat(lines(back.get(3)))
                    .hasSize(9)
                    .anyMatch(l -> l.startsWith("window 1: rows 1–2, cols 1–2: max(0, 1, 0, 1) = 1 at row 1, col 2 "
                            + "(a tie with row 2, col 2: the first in row-major order"))
                    .anyMatch(l -> l.startsWith("window 4: rows 3–4, cols 1–2: max(1, 0, 1, 4) = 4 at row 4, col 2 →"));
            assertThat(lines(back.get(4))).contains("row 1, col 5: input 0 ≤ 0, the gradient stops: -0.0807 → 0");
        }

        @Test
        @DisplayName("each detector cell's gradient is written out, and its products sum to the cell")
        void detectorLinesAddUp() {
            double[][] want = detectorGradient();
            Pattern line = Pattern.compile("d detector row (\\d), col (\\d) = (.+) = (-?[\\d.]+)");
            int seen = 0;
            for (String text : lines(back.get(5))) {
                Matcher m = line.matcher(text);
                if (m.matches()) {
                    double sum = 0;
                    for (String term : m.group(3).split(" \\+ ")) {
                        String[] f = term.split("·");
                        sum += Double.parseDouble(f[0]) * Double.parseDouble(f[1]);
                    }
                    double cell = want[Integer.parseInt(m.group(1)) - 1][Integer.parseInt(m.group(2)) - 1];
                    assertThat(sum).isCloseTo(cell, within(5e-4));
                    assertThat(Double.parseDouble(m.group(4))).isCloseTo(cell, within(1e-4));
                    seen++;
                }
            }
            assertThat(seen).isEqualTo(9);
        }

        @Test
        @DisplayName("--step B2 (or MaxPoolingBackward) shows that backward pass alone")
        void oneBackwardStep() {
            String classes = Learners.correct().toString();
            Cli b2 = Cli.run("walkthrough", "--classes", classes, "--step", "B2");
            Cli named = Cli.run("walkthrough", "--classes", classes, "--step", "MaxPoolingBackward");
            Cli bad = Cli.run("walkthrough", "--classes", classes, "--step", "B5");

            for (Cli run : List.of(b2, named)) {
                assertThat(run.out())
                        .contains("== 12/14  Back 2 — Max pooling backward ==")
                        .contains("MaxPoolingBackward: matches the lecture")
                        .doesNotContain("Step 2 — Max pooling")
                        .contains("steps shown: 1 of 14");
            }
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err()).contains("a backward pass: BE1, B4, B3, B2, B1b, B1");
        }
    }

    @Nested
    @DisplayName("on an unfinished implementation (the stubs)")
    class Unfinished {
        @Test
        @DisplayName("each backward pass says it is not implemented yet and shows the reference's gradient")
        void notImplementedYet() {
            List<Scene> back = walk(Learners.unfinished()).subList(Step.values().length, Walkthrough.SCENES);

            assertThat(back).hasSize(6).allMatch(s -> s.verdict() == Verdict.NOT_IMPLEMENTED);
            assertThat(back.get(3).blocks())
                    .anyMatch(b -> b instanceof Scene.Text t
                            && t.text().contains("Step 2 (MaxPooling) backward pass is not implemented yet"))
                    .anyMatch(b -> b instanceof Scene.Heatmap h
                            && h.expected() == null
                            && h.caption().contains("reference values")
                            && h.values().differingCells(new Grid(rectifiedGradient())) == 0);
        }

        @Test
        @DisplayName("the command prints the backward passes as not implemented and ends the walk normally")
        void command() {
            Cli run = Cli.run("walkthrough", "--classes", Learners.unfinished().toString(), "--no-color");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .contains("○ ConvolutionBackward: not implemented yet")
                    .contains("steps shown: 14 of 14; matching the lecture: 0; not implemented yet: 14");
        }
    }

    @Nested
    @DisplayName("on a wrong backward pass (max pooling's gradient spread over the window)")
    class Wrong {
        private static final String SPREAD = """
                package cnn;
                public final class MaxPooling {
                    public static double[][] pool(double[][] m) {
                        int rows = (m.length + 1) / 2;
                        int cols = (m[0].length + 1) / 2;
                        double[][] out = new double[rows][cols];
                        for (int r = 0; r < m.length; r++) {
                            for (int c = 0; c < m[0].length; c++) {
                                out[r / 2][c / 2] = r % 2 == 0 && c % 2 == 0 ? m[r][c] : Math.max(out[r / 2][c / 2], m[r][c]);
                            }
                        }
                        return out;
                    }
                    public static double[][] backward(double[][] m, double[][] g, int size, int stride) {
                        double[][] out = new double[m.length][m[0].length];
                        for (int r = 0; r < m.length; r++) {
                            for (int c = 0; c < m[0].length; c++) {
                                out[r][c] = g[r / stride][c / stride]; // every cell of the window, not its largest
                            }
                        }
                        return out;
                    }
                }
                """;

        @Test
        @DisplayName("stops at Back 2, marks the cells that differ and names the mistake")
        void stopsThere() {
            List<Scene> scenes = walk(Learners.compiled(
                    "pool-gradient-spread",
                    Path.of("../solutions/src/main/java/cnn"),
                    Map.of("MaxPooling.java", SPREAD)));

            assertThat(scenes).hasSize(Step.values().length + 4);
            Scene s = scenes.get(scenes.size() - 1);
            assertThat(s.title()).isEqualTo("Back 2 — Max pooling backward");
            assertThat(s.verdict()).isEqualTo(Verdict.WRONG);
            assertThat(s.hint()).contains("spread over the whole window").endsWith("[pool-gradient-spread]");
            Scene.Heatmap yours = judged(s).get(0);
            double[][] right = rectifiedGradient();
            int differing = 0;
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 5; c++) {
                    boolean differs = Math.abs(yours.values().get(r, c) - right[r][c]) > 1e-9;
                    assertThat(yours.wrong(r, c))
                            .as("row %d, col %d", r + 1, c + 1)
                            .isEqualTo(differs);
                    differing += differs ? 1 : 0;
                }
            }
            assertThat(differing).as("every cell but the 9 window maxima").isEqualTo(25 - 9);
            assertThat(TerminalView.summary(scenes)).endsWith("wrong: Back 2 (MaxPoolingBackward)");
        }
    }
}
