package cnnkit.walkthrough;

import cnnkit.hidden.support.BackwardOracle;
import cnnkit.lecture.LectureData;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The build step that computes the learners' {@link LectureGradient} table: the lecture's example passed backwards
 * through the hidden tests' reference ({@link BackwardOracle}), from the gradient {@code y − t} of the lecture's
 * cross-entropy example (target Dog) back to the image. The walkthrough's pom runs it after the test classes are
 * compiled, before the {@link MistakeTableWriter} (whose walk needs it), writing into the main classes folder:
 *
 * <pre>
 *   java -cp TEST_CLASS_PATH cnnkit.walkthrough.LectureGradientsWriter target/classes/cnnkit/walkthrough/lecture-gradients.csv
 * </pre>
 */
public final class LectureGradientsWriter {
    private LectureGradientsWriter() {}

    /** @param args the file to write */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LectureGradientsWriter FILE");
        }
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            LectureGradient.write(gradients(), out);
        }
    }

    /** @return every gradient of the lecture's example on the way back, each from the one before */
    static Map<LectureGradient, Grid> gradients() {
        Map<String, Double> example = LectureData.crossEntropyExample();
        double[] t = {example.get("target_dog"), example.get("target_cat")};
        double[] y = LectureData.probabilities();
        double[] scores = {example.get("gradient_dog"), example.get("gradient_cat")};
        double[] flattened = BackwardOracle.inputGradient(LectureData.denseWeights(), scores);
        double[][] pooled = BackwardOracle.unflatten(flattened, 1, 3, 3)[0];
        double[][] rectified = BackwardOracle.poolBackward(LectureData.rectifiedMap(), pooled, 2, 2);
        double[][] featureMap = BackwardOracle.reluBackward(LectureData.featureMap(), rectified);
        double[][] image = LectureData.image();
        double[][] detector = LectureData.featureDetector();
        Map<LectureGradient, Grid> g = new EnumMap<>(LectureGradient.class);
        g.put(LectureGradient.PROBABILITIES, Grid.row((0 - t[0]) / y[0], (0 - t[1]) / y[1]));
        g.put(LectureGradient.FLATTENED, Grid.row(flattened));
        g.put(LectureGradient.WEIGHTS, new Grid(BackwardOracle.weightGradient(LectureData.flattened(), scores)));
        g.put(LectureGradient.POOLED_MAP, new Grid(pooled));
        g.put(LectureGradient.RECTIFIED_MAP, new Grid(rectified));
        g.put(LectureGradient.FEATURE_MAP, new Grid(featureMap));
        g.put(LectureGradient.DETECTOR, new Grid(BackwardOracle.detectorGradient(image, detector, featureMap, 1, 0)));
        g.put(LectureGradient.IMAGE, new Grid(BackwardOracle.imageGradient(image, detector, featureMap, 1, 0)));
        return g;
    }
}
