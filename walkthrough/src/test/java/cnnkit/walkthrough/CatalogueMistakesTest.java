package cnnkit.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.hidden.support.Misconceptions;
import cnnkit.lecture.LectureData;
import cnnkit.lecture.Step;
import cnnkit.walkthrough.Scene.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The walkthrough names mistakes with the grader's misconception catalogue")
class CatalogueMistakesTest {
    private final MistakeRecogniser recogniser = new CatalogueMistakes();

    /** The reference with one method replaced by a wrong one: a learner who got exactly one thing wrong. */
    private static Implementation wrongIn(String method, Function<Object[], Object> wrong) {
        return (Implementation) Proxy.newProxyInstance(
                Implementation.class.getClassLoader(), new Class<?>[] {Implementation.class}, (proxy, m, args) -> {
                    if (m.getName().equals(method)) {
                        return wrong.apply(args);
                    }
                    try {
                        return m.invoke(Reference.INSTANCE, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** @return the walk as the terminal prints it, without colours or pauses */
    private static String printed(List<Scene> scenes) {
        StringWriter out = new StringWriter();
        new TerminalView(new PrintWriter(out), false, 0, TerminalView.Pause.SLEEP).show(scenes);
        return out.toString();
    }

    private static void assertStopsWith(Implementation learner, Step step, String id) {
        List<Scene> scenes = new Walkthrough(learner, Duration.ofSeconds(10), Map.of()).walk();
        Scene last = scenes.get(scenes.size() - 1);
        String hint = Misconceptions.load().hint(id);

        assertThat(hint).isNotEmpty();
        assertThat(last.step()).isEqualTo(step);
        assertThat(last.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(last.hint()).isEqualTo(hint + " [" + id + "]");
        assertThat(printed(scenes)).contains("Hint: " + hint + " [" + id + "]");
    }

    @Nested
    @DisplayName("a walk on a learner with one mistake stops at that step with the catalogue's id and hint")
    class InTheWalk {
        @Test
        @DisplayName("average instead of max pooling")
        void averagePooling() {
            assertStopsWith(
                    wrongIn("pool", a -> {
                        double[][] m = (double[][]) a[0];
                        double[][] out = new double[(m.length + 1) / 2][(m[0].length + 1) / 2];
                        for (int r = 0; r < out.length; r++) {
                            for (int c = 0; c < out[0].length; c++) {
                                double sum = 0;
                                int n = 0;
                                for (int y = 2 * r; y < Math.min(2 * r + 2, m.length); y++) {
                                    for (int x = 2 * c; x < Math.min(2 * c + 2, m[0].length); x++) {
                                        sum += m[y][x];
                                        n++;
                                    }
                                }
                                out[r][c] = sum / n;
                            }
                        }
                        return out;
                    }),
                    Step.MAX_POOLING,
                    "average-pooling");
        }

        @Test
        @DisplayName("flattening column by column")
        void flatteningByColumns() {
            assertStopsWith(
                    wrongIn("flatten", a -> {
                        double[][] m = (double[][]) a[0];
                        double[] out = new double[m.length * m[0].length];
                        int i = 0;
                        for (int c = 0; c < m[0].length; c++) {
                            for (double[] row : m) {
                                out[i++] = row[c];
                            }
                        }
                        return out;
                    }),
                    Step.FLATTENING,
                    "flatten-column-by-column");
        }

        @Test
        @DisplayName("cross-entropy with log base 10 (an Extra step)")
        void logBase10() {
            assertStopsWith(
                    wrongIn("loss", a -> {
                        double[] p = (double[]) a[0];
                        double[] t = (double[]) a[1];
                        double sum = 0;
                        for (int i = 0; i < p.length; i++) {
                            sum -= t[i] == 0 ? 0 : t[i] * Math.log10(p[i]);
                        }
                        return sum;
                    }),
                    Step.CROSS_ENTROPY,
                    "log-base-10");
        }

        @Test
        @DisplayName("cross-entropy summed over the images instead of averaged (checked on NN1 and NN2 at once)")
        void crossEntropySummed() {
            assertStopsWith(
                    wrongIn(
                            "crossEntropy",
                            a -> Reference.INSTANCE.crossEntropy((double[][]) a[0], (double[][]) a[1])
                                    * ((double[][]) a[0]).length),
                    Step.ERROR_MEASURES,
                    "cross-entropy-summed");
        }
    }

    @Test
    @DisplayName("the kernel turned by 180° is kernel-flipped; the right map is no mistake")
    void flippedKernel() {
        double[][] image = LectureData.image();
        double[][] k = LectureData.featureDetector();
        double[][] turned = new double[k.length][];
        for (int r = 0; r < k.length; r++) {
            turned[k.length - 1 - r] = k[r].clone();
            for (int c = 0; c < k[r].length / 2; c++) {
                double t = turned[k.length - 1 - r][c];
                turned[k.length - 1 - r][c] = turned[k.length - 1 - r][k[r].length - 1 - c];
                turned[k.length - 1 - r][k[r].length - 1 - c] = t;
            }
        }
        List<Grid> in = List.of(new Grid(image), new Grid(k));

        assertThat(recogniser.recognise(
                        Step.CONVOLUTION, "convolve", in, new Grid(Reference.INSTANCE.convolve(image, turned))))
                .contains("kernel-flipped");
        assertThat(recogniser.recognise(Step.CONVOLUTION, "convolve", in, new Grid(LectureData.featureMap())))
                .isEmpty();
    }

    @Test
    @DisplayName("a result no catalogue mistake gives is not named")
    void unknownMistake() {
        double[][] pooled = LectureData.pooledMap();
        double[] shuffled = LectureData.flattened().clone();
        Arrays.sort(shuffled);

        assertThat(recogniser.recognise(Step.FLATTENING, "flatten", List.of(new Grid(pooled)), Grid.row(shuffled)))
                .isEmpty();
    }
}
