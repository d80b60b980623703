package cnnkit.demo;

import cnn.Convolution;
import cnn.CrossEntropy;
import cnn.ErrorMeasures;
import cnn.Flattening;
import cnn.FullConnection;
import cnn.MaxPooling;
import cnn.Relu;
import cnn.Softmax;
import cnnkit.lecture.LectureData;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The kit's main job for now: the lecture's example through the whole reference pipeline, printing every step's
 * numbers — image → feature map → ReLU → pooled map → flattened vector → dense scores → softmax → loss and gradient —
 * and the lecture's NN1/NN2 comparison. All inputs come from {@code lecture-data/}; the dense layer's weights are
 * illustrative (the slides give none) and are printed as such.
 *
 * <p>Run from the repository root: {@code mvn -B -q -pl solutions -am compile exec:java}
 */
public final class LecturePipeline {
    private static final String[] CLASSES = {"Dog", "Cat"};

    private LecturePipeline() {}

    public static void main(String[] args) {
        run(System.out);
    }

    /** Prints the pipeline to {@code out}. */
    public static void run(PrintStream out) {
        double[][] image = LectureData.image();
        double[][] detector = LectureData.featureDetector();
        out.println("CNN kit — the lecture's example through the reference pipeline");
        out.println("(numbers from lecture-data/; see lecture-data/README.md and ERRATA.md)");

        section(out, "Input image (7x7)", image);
        section(out, "Feature detector (3x3)", detector);

        double[][] featureMap = Convolution.convolve(image, detector);
        section(out, "Step 1 — Convolution: feature map (5x5, stride 1, no padding, detector not flipped)", featureMap);
        out.println("  note: the slides print 1 at row 3, col 3; the math gives 0 (ERRATA E1)");

        double[][] rectified = Relu.apply(featureMap);
        section(out, "Step 1(b) — ReLU: max(0, x) per cell (no negative cell here, so unchanged)", rectified);

        double[][] pooled = MaxPooling.pool(rectified);
        section(out, "Step 2 — Max pooling (2x2, stride 2, edge windows kept): 3x3", pooled);

        double[] flat = Flattening.flatten(pooled);
        section(out, "Step 3 — Flattening (row by row)", new double[][] {flat});

        double[][] weights = LectureData.denseWeights();
        double[] bias = LectureData.denseBias();
        section(out, "Step 4 — Full connection: weights (ILLUSTRATIVE, NOT FROM THE SLIDES), rows Dog, Cat", weights);
        section(out, "          bias (ILLUSTRATIVE, NOT FROM THE SLIDES): Dog, Cat", new double[][] {bias});
        double[] scores = FullConnection.forward(flat, weights, bias);
        section(out, "          scores = weights · vector + bias: Dog, Cat", new double[][] {scores});

        double[] probabilities = Softmax.apply(scores);
        section(out, "Softmax: probabilities Dog, Cat (sum to 1)", new double[][] {probabilities});

        double[] target = {1, 0};
        out.println();
        out.printf(
                Locale.ROOT,
                "Cross-entropy for the target %s (1, 0): −ln %s = %s%n",
                CLASSES[0],
                fmt(probabilities[0]),
                fmt(CrossEntropy.loss(probabilities, target)));
        section(out, "Gradient of the loss w.r.t. the scores, y − t: Dog, Cat", new double[][] {
            CrossEntropy.gradient(scores, target)
        });

        out.println();
        out.println("The lecture's NN1/NN2 comparison (exact; the slides print 0.33, and 0.71 / 1.06 for NN2 only — "
                + "ERRATA E2)");
        out.printf(
                Locale.ROOT,
                "  %-8s %22s %20s %15s%n",
                "network",
                "classification error",
                "mean squared error",
                "cross-entropy");
        for (String name : new String[] {"NN1", "NN2"}) {
            LectureData.Network nn = LectureData.network(name);
            out.printf(
                    Locale.ROOT,
                    "  %-8s %22s %20s %15s%n",
                    name,
                    fmt(ErrorMeasures.classificationError(nn.predicted(), nn.actual())),
                    fmt(ErrorMeasures.meanSquaredError(nn.predicted(), nn.actual())),
                    fmt(ErrorMeasures.crossEntropy(nn.predicted(), nn.actual())));
        }
    }

    private static void section(PrintStream out, String title, double[][] m) {
        out.println();
        out.println(title);
        int width = 1;
        for (double[] row : m) {
            for (double v : row) {
                width = Math.max(width, fmt(v).length());
            }
        }
        for (double[] row : m) {
            StringBuilder line = new StringBuilder(" ");
            for (double v : row) {
                line.append(' ').append(String.format(Locale.ROOT, "%" + width + "s", fmt(v)));
            }
            out.println(line);
        }
    }

    /** At most 4 decimals, trailing zeros dropped: 4, 0.2, 0.7311. */
    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }
}
