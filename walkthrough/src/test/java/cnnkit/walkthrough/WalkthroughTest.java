package cnnkit.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.lecture.LectureData;
import cnnkit.lecture.Step;
import cnnkit.walkthrough.Scene.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The walkthrough replays the lecture on the learner's code")
class WalkthroughTest {
    @TempDir
    Path temp;

    private static List<Scene> walk(Path classes) {
        try (LearnerCode code = LearnerCode.fromClasses(classes)) {
            return new Walkthrough(code.implementation(), Duration.ofSeconds(10), Map.of()).walk();
        }
    }

    @Nested
    @DisplayName("on a correct implementation")
    class Correct {
        @Test
        @DisplayName("every step of the lecture matches, in lecture order, then every backward pass")
        void everyStepMatches() {
            List<Scene> scenes = walk(Learners.correct());

            assertThat(scenes.subList(0, Step.values().length))
                    .extracting(Scene::step)
                    .containsExactly(Step.values());
            assertThat(scenes.subList(Step.values().length, scenes.size()))
                    .extracting(Scene::step)
                    .containsExactlyElementsOf(Walkthrough.BACKWARD);
            assertThat(scenes)
                    .allMatch(s -> s.verdict() == Verdict.RIGHT, "right")
                    .allMatch(s -> s.hint().isEmpty());
        }

        @Test
        @DisplayName("the command writes out all 25 sums of products, and each equals that cell of the feature map")
        void convolutionArithmeticIsWrittenOut() {
            Cli run = Cli.run("walkthrough", "--classes", Learners.correct().toString(), "--speed", "0");

            assertThat(run.exitCode()).isZero();
            Matcher m = Pattern.compile("row (\\d), col (\\d): ((?:\\d·\\d(?: \\+ )?)+) = (\\d+)")
                    .matcher(run.out());
            double[][] map = LectureData.featureMap();
            int lines = 0;
            while (m.find()) {
                int sum = 0;
                for (String term : m.group(3).split(" \\+ ")) {
                    String[] f = term.split("·");
                    sum += Integer.parseInt(f[0]) * Integer.parseInt(f[1]);
                }
                assertThat(sum).isEqualTo(Integer.parseInt(m.group(4))).isEqualTo((int)
                        map[Integer.parseInt(m.group(1)) - 1][Integer.parseInt(m.group(2)) - 1]);
                assertThat(m.group(3).split(" \\+ ")).hasSize(9);
                lines++;
            }
            assertThat(lines).isEqualTo(25);
            assertThat(run.out())
                    .contains("matching the lecture: 14")
                    .contains("ILLUSTRATIVE")
                    .contains("window 9: row 5, col 5: max(1) = 1")
                    .doesNotContain("\u001b[");
        }

        @Test
        @DisplayName("--step shows that step alone, numbered as the lecture (2 is max pooling, 1b ReLU)")
        void oneStep() {
            Cli run = Cli.run("walkthrough", "--classes", Learners.correct().toString(), "--step", "2");
            Cli relu = Cli.run("walkthrough", "--classes", Learners.correct().toString(), "--step", "1b");
            Cli none = Cli.run("walkthrough", "--classes", Learners.correct().toString(), "--step", "5");

            assertThat(relu.out()).contains("Step 1(b) — ReLU").doesNotContain("Max pooling");
            assertThat(none.exitCode()).isEqualTo(2);
            assertThat(none.err()).contains("--step 5 is no step", "1, 1b, 2, 3, 4, E1, E2, E3");
            assertThat(run.out())
                    .contains("Step 2 — Max pooling")
                    .doesNotContain("Step 1 — Convolution")
                    .doesNotContain("Step 3 — Flattening")
                    .contains("steps shown: 1 of 14");
        }
    }

    @Nested
    @DisplayName("on a wrong implementation (kernel flipped)")
    class Wrong {
        @Test
        @DisplayName("stops at Convolution, marks the differing cells and names the mistake")
        void stopsAtTheFirstWrongStepWithTheHint() {
            List<Scene> scenes = walk(Learners.flippedKernel());

            assertThat(scenes).hasSize(1);
            Scene s = scenes.get(0);
            assertThat(s.verdict()).isEqualTo(Verdict.WRONG);
            assertThat(s.hint()).contains("turned by 180°").endsWith("[kernel-flipped]");
            Scene.Heatmap yours = s.blocks().stream()
                    .filter(b -> b instanceof Scene.Heatmap h && h.expected() != null)
                    .map(Scene.Heatmap.class::cast)
                    .findFirst()
                    .orElseThrow();
            double[][] expected = LectureData.featureMap();
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 5; c++) {
                    assertThat(yours.wrong(r, c)).isEqualTo(yours.values().get(r, c) != expected[r][c]);
                }
            }
            assertThat(s.blocks())
                    .noneMatch(b -> b instanceof Scene.Text t && t.text().startsWith("The strongest"));
        }

        @Test
        @DisplayName("the command prints the hint and does not go on to ReLU")
        void commandStops() {
            Cli run =
                    Cli.run("walkthrough", "--classes", Learners.flippedKernel().toString(), "--no-color");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .contains("16 of 25 cells differ")
                    .contains("Hint: Your result matches the feature detector turned by 180°")
                    .contains("[kernel-flipped]")
                    .contains("[3]")
                    .doesNotContain("ReLU")
                    .contains("wrong: Step 1 (Convolution)");
        }
    }

    @Nested
    @DisplayName("on an unfinished implementation (the stubs)")
    class Unfinished {
        @Test
        @DisplayName("shows every step as not implemented and goes on with the lecture's values")
        void goesOnWithReferenceValues() {
            List<Scene> scenes = walk(Learners.unfinished());

            assertThat(scenes).hasSize(Walkthrough.SCENES).allMatch(s -> s.verdict() == Verdict.NOT_IMPLEMENTED);
            Scene pooling = scenes.get(2);
            assertThat(pooling.blocks())
                    .anyMatch(b -> b instanceof Scene.Heatmap h
                            && h.expected() == null
                            && h.values().matches(new Grid(LectureData.pooledMap()))
                            && h.caption().contains("reference"));
        }

        @Test
        @DisplayName("a class missing from the folder counts as not implemented")
        void missingClass() throws IOException {
            Path classes = Files.createDirectories(temp.resolve("no-softmax/cnn"));
            try (Stream<Path> files = Files.list(Learners.correct().resolve("cnn"))) {
                for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("Softmax"))
                        .toList()) {
                    Files.copy(f, classes.resolve(f.getFileName()));
                }
            }
            List<Scene> scenes = walk(classes.getParent());

            assertThat(scenes).hasSize(Walkthrough.SCENES);
            assertThat(scenes.get(5).verdict()).isEqualTo(Verdict.NOT_IMPLEMENTED);
            assertThat(scenes.get(4).verdict()).isEqualTo(Verdict.RIGHT);
        }

        @Test
        @DisplayName("a mix: steps done are checked, steps not done are skipped with reference values")
        void partlyDone() {
            Path partly = Learners.compiled(
                    "partly-done", Path.of("../exercises/src/main/java/cnn"), Map.of("Relu.java", """
                    package cnn;
                    public final class Relu {
                        public static double[][] apply(double[][] m) {
                            double[][] out = new double[m.length][];
                            for (int r = 0; r < m.length; r++) {
                                out[r] = m[r].clone();
                                for (int c = 0; c < out[r].length; c++) {
                                    out[r][c] = Math.max(0, out[r][c]);
                                }
                            }
                            return out;
                        }
                    }
                    """));
            List<Scene> scenes = walk(partly);

            assertThat(scenes)
                    .extracting(Scene::verdict)
                    .containsExactly(
                            Verdict.NOT_IMPLEMENTED,
                            Verdict.RIGHT,
                            Verdict.NOT_IMPLEMENTED,
                            Verdict.NOT_IMPLEMENTED,
                            Verdict.NOT_IMPLEMENTED,
                            Verdict.NOT_IMPLEMENTED,
                            Verdict.NOT_IMPLEMENTED,
                            Verdict.NOT_IMPLEMENTED,
                            Verdict.NOT_IMPLEMENTED,
                            Verdict.NOT_IMPLEMENTED,
                            Verdict.NOT_IMPLEMENTED,
                            Verdict.NOT_IMPLEMENTED,
                            Verdict.NOT_IMPLEMENTED,
                            Verdict.NOT_IMPLEMENTED);
        }
    }

    @Nested
    @DisplayName("protects the learner from their own code")
    class Bounds {
        @Test
        @DisplayName("an endless loop is stopped by the time limit and reported")
        void endlessLoop() {
            Path looping = Learners.compiled(
                    "endless-relu", Path.of("../solutions/src/main/java/cnn"), Map.of("Relu.java", """
                    package cnn;
                    public final class Relu {
                        public static double[][] apply(double[][] m) {
                            while (m != null) { // endless, deaf to interrupts, but idle: no core burnt
                                try {
                                    Thread.sleep(1000);
                                } catch (InterruptedException e) {
                                    // keep looping
                                }
                            }
                            return m;
                        }
                    }
                    """));
            assertThat(reluSaid(looping, Duration.ofMillis(300)))
                    .anyMatch(t -> t.contains("did not return within 300 ms"));
        }

        @Test
        @DisplayName("a crash is reported with the exception and the line of the learner's file that threw it")
        void crashShowsTheLine() {
            Path crashing = Learners.compiled(
                    "crashing-relu", Path.of("../solutions/src/main/java/cnn"), Map.of("Relu.java", """
                    package cnn;
                    public final class Relu {
                        public static double[][] apply(double[][] m) {
                            double[][] out = new double[m.length][m[0].length];
                            for (int r = 0; r <= m.length; r++) {
                                out[r] = m[r].clone();
                            }
                            return out;
                        }
                    }
                    """));
            assertThat(reluSaid(crashing, Duration.ofSeconds(5)))
                    .anyMatch(
                            t -> t.contains("threw ArrayIndexOutOfBoundsException") && t.contains("(at Relu.java:6)"));
        }

        /** @return the texts of the ReLU scene on these classes, after checking that it is judged wrong */
        private List<String> reluSaid(Path classes, Duration timeout) {
            try (LearnerCode code = LearnerCode.fromClasses(classes)) {
                Scene relu = new Walkthrough(code.implementation(), timeout, Map.of()).scene(Step.RELU);

                assertThat(relu.verdict()).isEqualTo(Verdict.WRONG);
                return relu.blocks().stream()
                        .filter(b -> b instanceof Scene.Text)
                        .map(b -> ((Scene.Text) b).text())
                        .toList();
            }
        }

        @Test
        @DisplayName("a folder without compiled classes is a clear error, not a stack trace")
        void missingClasses() {
            Cli run = Cli.run("walkthrough", "--classes", "no/such/folder");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err())
                    .contains("no compiled classes of package cnn in no/such/folder")
                    .doesNotContain("Exception");
        }
    }
}
