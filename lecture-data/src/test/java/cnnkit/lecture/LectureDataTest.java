package cnnkit.lecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lecture data is only useful if it is right: every file is read through the loader, and every computed file is
 * recomputed here with small formulas of its own (independent of the reference solutions), so a typo in a CSV
 * cannot make the solutions and their tests agree on a wrong number.
 */
@DisplayName("Lecture data")
class LectureDataTest {
    /** Slides print two decimals: a printed value must be within this of the exact one. */
    private static final double SLIDE_ROUNDING = 0.005;

    private static final double EXACT = 1e-12;

    /** Every CSV of lecture-data/, by path, with the loader call that reads it. */
    private static Map<String, Supplier<?>> loaderCalls() {
        Map<String, Supplier<?>> calls = new LinkedHashMap<>();
        calls.put("Convolution/image.csv", LectureData::image);
        calls.put("Convolution/feature-detector.csv", LectureData::featureDetector);
        calls.put("Convolution/feature-map.csv", LectureData::featureMap);
        calls.put("Relu/feature-map.csv", LectureData::rectifiedMap);
        calls.put("Relu/signed-map.csv", () -> LectureData.matrix("Relu/signed-map.csv"));
        calls.put("MaxPooling/pooled-map.csv", LectureData::pooledMap);
        calls.put("Flattening/vector.csv", LectureData::flattened);
        calls.put("FullConnection/weights.csv", LectureData::denseWeights);
        calls.put("FullConnection/bias.csv", LectureData::denseBias);
        calls.put("FullConnection/scores.csv", LectureData::denseScores);
        calls.put("Softmax/probabilities.csv", LectureData::probabilities);
        calls.put("CrossEntropy/example.csv", LectureData::crossEntropyExample);
        calls.put("ErrorMeasures/NN1.csv", () -> LectureData.network("NN1"));
        calls.put("ErrorMeasures/NN2.csv", () -> LectureData.network("NN2"));
        calls.put(
                "ErrorMeasures/measures.csv", () -> List.of(LectureData.measures("NN1"), LectureData.measures("NN2")));
        for (String name : LectureData.filterNames()) {
            calls.put("filters/" + name + ".csv", () -> LectureData.filter(name));
        }
        return calls;
    }

    @Nested
    @DisplayName("the loader")
    class Loader {
        @Test
        @DisplayName("reads every CSV file in lecture-data/, and every file it names exists")
        void readsEveryFile() throws IOException {
            List<String> onDisk;
            try (Stream<Path> files = Files.walk(Path.of(""), 2)) { // surefire runs in the module's folder
                onDisk = files.filter(p -> p.getNameCount() == 2 && p.toString().endsWith(".csv"))
                        .map(p -> p.toString().replace('\\', '/'))
                        .sorted()
                        .collect(Collectors.toList());
            }
            Map<String, Supplier<?>> calls = loaderCalls();
            assertThat(onDisk)
                    .as("CSV files in lecture-data/ vs files the loader reads")
                    .containsExactlyInAnyOrderElementsOf(calls.keySet());
            calls.forEach((file, call) -> assertThat(call.get()).as(file).isNotNull());
        }

        @Test
        @DisplayName("skips # comment lines and returns fresh arrays on every call")
        void freshCopies() {
            double[][] image = LectureData.image();
            image[0][0] = 42;
            assertThat(LectureData.image()[0][0]).isZero();
            assertThat(LectureData.image()).hasNumberOfRows(7); // the comment line is not a row
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"broken/ragged.csv", "broken/not-a-number.csv", "broken/empty.csv", "no/such.csv"})
        @DisplayName("rejects a ragged, non-numeric, empty or missing file, naming it")
        void rejectsBrokenFiles(String resource) {
            assertThatThrownBy(() -> LectureData.matrix(resource))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(resource);
        }

        @Test
        @DisplayName("reads a learner's own CSV file in the same format, and rejects a bad or missing one, naming it")
        void readsFiles(@TempDir Path temp) throws IOException {
            Path mine = Files.writeString(temp.resolve("mine.csv"), "# my image\n1, 2\n3,4\n");
            Path ragged = Files.writeString(temp.resolve("ragged.csv"), "1,2\n3\n");

            assertThat(LectureData.matrix(mine)).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
            assertThatThrownBy(() -> LectureData.matrix(ragged))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ragged.csv");
            assertThatThrownBy(() -> LectureData.matrix(temp.resolve("none.csv")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no file " + temp.resolve("none.csv"));
        }

        @Test
        @DisplayName("rejects a vector file with more than one line, and an unknown network")
        void rejectsWrongKinds() {
            assertThatThrownBy(() -> LectureData.vector("Convolution/image.csv"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("one line");
            assertThatThrownBy(() -> LectureData.measures("NN3"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NN3");
        }
    }

    @Nested
    @DisplayName("Step 1 — Convolution")
    class ConvolutionData {
        @Test
        @DisplayName("the image is the 7x7 smiley of 0s and 1s, the detector 3x3")
        void shapes() {
            assertThat(LectureData.image()).hasDimensions(7, 7);
            assertThat(Arrays.stream(LectureData.image()).flatMapToDouble(Arrays::stream))
                    .allMatch(v -> v == 0 || v == 1)
                    .filteredOn(v -> v == 1)
                    .hasSize(8);
            assertThat(LectureData.featureDetector()).isDeepEqualTo(new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 1}});
        }

        @Test
        @DisplayName("the feature map is the detector laid (not flipped) on every 3x3 window of the image")
        void featureMapIsCrossCorrelation() {
            assertThat(LectureData.featureMap())
                    .isDeepEqualTo(crossCorrelate(LectureData.image(), LectureData.featureDetector()));
        }

        @Test
        @DisplayName("ERRATA E1: the slides' 1 at row 3, col 3 is 0, and that cell does not change the pooled map")
        void erratumE1() {
            double[][] slide = LectureData.featureMap();
            assertThat(slide[2][2]).isZero();
            slide[2][2] = 1; // what the slides print
            assertThat(maxPool2x2(slide)).isDeepEqualTo(LectureData.pooledMap());
        }
    }

    @Nested
    @DisplayName("Steps 1(b) to 3 — ReLU, max pooling, flattening")
    class MapData {
        @Test
        @DisplayName("ReLU leaves the lecture's map unchanged (it has no negative cell)")
        void reluOfLectureMap() {
            assertThat(LectureData.rectifiedMap())
                    .isDeepEqualTo(relu(LectureData.featureMap()))
                    .isDeepEqualTo(LectureData.featureMap());
        }

        @Test
        @DisplayName("the signed example: rows 4-6 are max(0, x) of rows 1-3")
        void signedMap() {
            double[][] stacked = LectureData.matrix("Relu/signed-map.csv");
            assertThat(stacked).hasDimensions(6, 3);
            double[][] input = Arrays.copyOfRange(stacked, 0, 3);
            assertThat(Arrays.stream(input).flatMapToDouble(Arrays::stream)).anyMatch(v -> v < 0);
            assertThat(Arrays.copyOfRange(stacked, 3, 6)).isDeepEqualTo(relu(input));
        }

        @Test
        @DisplayName("the pooled map is the max of each 2x2 window, stride 2, edge windows kept")
        void pooledMap() {
            assertThat(LectureData.pooledMap())
                    .isDeepEqualTo(maxPool2x2(LectureData.rectifiedMap()))
                    .isDeepEqualTo(new double[][] {{1, 1, 0}, {4, 2, 1}, {0, 2, 1}});
        }

        @Test
        @DisplayName("the vector is the pooled map row by row")
        void flattened() {
            assertThat(LectureData.flattened())
                    .containsExactly(Arrays.stream(LectureData.pooledMap())
                            .flatMapToDouble(Arrays::stream)
                            .toArray());
        }
    }

    @Nested
    @DisplayName("Step 4 and extras — dense layer, softmax, cross-entropy (illustrative weights)")
    class DenseData {
        @Test
        @DisplayName("weights are 2x9 (Dog, Cat x flattened inputs), one bias per output")
        void shapes() {
            assertThat(LectureData.denseWeights()).hasDimensions(2, LectureData.flattened().length);
            assertThat(LectureData.denseBias()).hasSize(2);
        }

        @Test
        @DisplayName("scores = weights · vector + bias")
        void scores() {
            double[][] w = LectureData.denseWeights();
            double[] x = LectureData.flattened();
            double[] b = LectureData.denseBias();
            double[] scores = LectureData.denseScores();
            for (int o = 0; o < w.length; o++) {
                double sum = b[o];
                for (int i = 0; i < x.length; i++) {
                    sum += w[o][i] * x[i];
                }
                assertThat(scores[o]).as("score %d", o).isCloseTo(sum, within(EXACT));
            }
        }

        @Test
        @DisplayName("probabilities = softmax(scores); for two classes p_dog = 1 / (1 + e^(cat − dog))")
        void probabilities() {
            double[] s = LectureData.denseScores();
            double[] p = LectureData.probabilities();
            assertThat(p[0]).isCloseTo(1 / (1 + Math.exp(s[1] - s[0])), within(EXACT));
            assertThat(p[0] + p[1]).isCloseTo(1, within(EXACT));
        }

        @Test
        @DisplayName("the cross-entropy example: loss = −ln p(Dog), gradient = p − t")
        void crossEntropyExample() {
            Map<String, Double> ex = LectureData.crossEntropyExample();
            double[] p = LectureData.probabilities();
            assertThat(ex.get("target_dog")).isEqualTo(1.0);
            assertThat(ex.get("target_cat")).isEqualTo(0.0);
            assertThat(ex.get("loss")).isCloseTo(-Math.log(p[0]), within(EXACT));
            assertThat(ex.get("gradient_dog")).isCloseTo(p[0] - 1, within(EXACT));
            assertThat(ex.get("gradient_cat")).isCloseTo(p[1], within(EXACT));
        }
    }

    @Nested
    @DisplayName("Extra — the NN1/NN2 error measures")
    class MeasureData {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"NN1", "NN2"})
        @DisplayName("each network: 3 rows of (Dog^, Cat^) probabilities summing to 1 and one-hot targets")
        void tables(String name) {
            LectureData.Network nn = LectureData.network(name);
            assertThat(nn.name()).isEqualTo(name);
            assertThat(nn.predicted()).hasDimensions(3, 2);
            assertThat(nn.actual()).hasDimensions(3, 2);
            for (int r = 0; r < 3; r++) {
                assertThat(nn.predicted()[r][0] + nn.predicted()[r][1]).isCloseTo(1, within(EXACT));
                assertThat(nn.actual()[r])
                        .satisfiesAnyOf(
                                t -> assertThat(t).containsExactly(1, 0),
                                t -> assertThat(t).containsExactly(0, 1));
            }
            assertThat(LectureData.network("NN1").actual()).isDeepEqualTo(nn.actual()); // same images, same targets
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"NN1", "NN2"})
        @DisplayName("measures.csv equals the measures recomputed from the table (two classes: via p(true class))")
        void exactMeasures(String name) {
            LectureData.Network nn = LectureData.network(name);
            double wrong = 0;
            double squared = 0;
            double logLoss = 0;
            for (int r = 0; r < 3; r++) {
                int truth = nn.actual()[r][0] == 1 ? 0 : 1;
                double pTrue = nn.predicted()[r][truth];
                wrong += pTrue < 0.5 ? 1 : 0; // two classes: wrong iff the true class gets < 1/2
                squared += 2 * (1 - pTrue) * (1 - pTrue); // both classes miss by 1 − p(true)
                logLoss -= Math.log(pTrue);
            }
            LectureData.Measures m = LectureData.measures(name);
            assertThat(m.network()).isEqualTo(name);
            assertThat(m.classificationError()).isCloseTo(wrong / 3, within(EXACT));
            assertThat(m.meanSquaredError()).isCloseTo(squared / 3, within(EXACT));
            assertThat(m.crossEntropy()).isCloseTo(logLoss / 3, within(EXACT));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"NN1", "NN2"})
        @DisplayName("ERRATA E2: every value the slides print is the exact one rounded to two decimals")
        void slideValuesWithinRounding(String name) {
            LectureData.Measures m = LectureData.measures(name);
            assertThat(m.slideClassificationError()).isCloseTo(m.classificationError(), within(SLIDE_ROUNDING));
            if (!Double.isNaN(m.slideMeanSquaredError())) {
                assertThat(m.slideMeanSquaredError()).isCloseTo(m.meanSquaredError(), within(SLIDE_ROUNDING));
            }
            if (!Double.isNaN(m.slideCrossEntropy())) {
                assertThat(m.slideCrossEntropy()).isCloseTo(m.crossEntropy(), within(SLIDE_ROUNDING));
            }
        }

        @Test
        @DisplayName("ERRATA E2: the seed prints MSE 0.71 and cross-entropy 1.06 for NN2 only")
        void printedValuesAreNn2s() {
            assertThat(LectureData.measures("NN2").slideMeanSquaredError()).isEqualTo(0.71);
            assertThat(LectureData.measures("NN2").slideCrossEntropy()).isEqualTo(1.06);
            assertThat(LectureData.measures("NN1").slideMeanSquaredError()).isNaN();
            assertThat(LectureData.measures("NN1").slideCrossEntropy()).isNaN();
        }
    }

    @Nested
    @DisplayName("Image filters")
    class Filters {
        @Test
        @DisplayName("every kernel is square with an odd side, so it has a centre")
        void squareOdd() {
            for (String name : LectureData.filterNames()) {
                double[][] k = LectureData.filter(name);
                assertThat(k.length).as(name).isOdd();
                assertThat(k).as(name).hasDimensions(k.length, k.length);
            }
        }

        @Test
        @DisplayName("ERRATA E4: sharpen is 5 at the centre, −1 at its 4 neighbours, 0 elsewhere (sums to 1)")
        void sharpen() {
            double[][] k = LectureData.filter("sharpen");
            assertThat(k).hasDimensions(5, 5);
            assertThat(k[2][2]).isEqualTo(5);
            assertThat(new double[] {k[1][2], k[3][2], k[2][1], k[2][3]}).containsOnly(-1);
            assertThat(sum(k)).isEqualTo(1);
            assertThat(k[0]).containsOnly(0);
        }

        @Test
        @DisplayName("edge detectors (Sobel, edge detect) sum to 0: a flat image gives no edge")
        void edgeDetectorsSumToZero() {
            assertThat(sum(LectureData.filter("sobel"))).isZero();
            assertThat(sum(LectureData.filter("edge-detect"))).isZero();
            assertThat(sum(LectureData.filter("blur"))).isEqualTo(9);
        }
    }

    private static double[][] crossCorrelate(double[][] image, double[][] k) {
        int h = image.length - k.length + 1;
        int w = image[0].length - k[0].length + 1;
        double[][] out = new double[h][w];
        for (int i = 0; i < k.length; i++) { // kernel-major order: a different loop than the solution's
            for (int j = 0; j < k[0].length; j++) {
                for (int r = 0; r < h; r++) {
                    for (int c = 0; c < w; c++) {
                        out[r][c] += k[i][j] * image[r + i][c + j];
                    }
                }
            }
        }
        return out;
    }

    private static double[][] relu(double[][] m) {
        return Arrays.stream(m)
                .map(row -> Arrays.stream(row).map(v -> Math.max(0, v)).toArray())
                .toArray(double[][]::new);
    }

    private static double[][] maxPool2x2(double[][] m) {
        int h = (m.length + 1) / 2;
        int w = (m[0].length + 1) / 2;
        double[][] out = new double[h][w];
        for (double[] row : out) {
            Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        for (int r = 0; r < m.length; r++) { // each cell raises the max of the one window it falls in
            for (int c = 0; c < m[0].length; c++) {
                out[r / 2][c / 2] = Math.max(out[r / 2][c / 2], m[r][c]);
            }
        }
        return out;
    }

    private static double sum(double[][] m) {
        return Arrays.stream(m).flatMapToDouble(Arrays::stream).sum();
    }
}
