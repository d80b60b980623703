package cnnkit.lecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The lecture's worked examples, read from the CSV files in {@code lecture-data/} (one folder per step).
 *
 * <p>This is the one loader every module's tests, the grader and the walkthrough use: the numbers live in
 * the CSV files only, with their provenance in {@code lecture-data/README.md}. Lines starting with
 * {@code #} are comments. Matrix files have no header; table files (NN1, NN2, measures) have one.
 *
 * <pre>
 *   double[][] image = LectureData.image();            // the 7x7 smiley
 *   double[][] map   = LectureData.featureMap();       // what Convolution must give (5x5)
 *   LectureData.Network nn1 = LectureData.network("NN1");
 * </pre>
 */
public final class LectureData {
    private static final String ROOT = "/lecture-data/";
    private static final CSVFormat MATRIX = CSVFormat.DEFAULT
            .builder()
            .setCommentMarker('#')
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();
    private static final CSVFormat TABLE =
            MATRIX.builder().setHeader().setSkipHeaderRecord(true).get();

    private LectureData() {}

    /** One network of the lecture's NN1/NN2 table: its softmax outputs and the one-hot targets, per row. */
    public record Network(String name, double[][] predicted, double[][] actual) {}

    /** One row of the lecture's comparison table: exact values, and what the slides print (NaN if absent). */
    public record Measures(
            String network,
            double classificationError,
            double meanSquaredError,
            double crossEntropy,
            double slideClassificationError,
            double slideMeanSquaredError,
            double slideCrossEntropy) {}

    /** @return the lecture's 7x7 input image */
    public static double[][] image() {
        return matrix("Convolution/image.csv");
    }

    /** @return the lecture's 3x3 feature detector */
    public static double[][] featureDetector() {
        return matrix("Convolution/feature-detector.csv");
    }

    /** @return the 5x5 feature map (corrected, see ERRATA.md) */
    public static double[][] featureMap() {
        return matrix("Convolution/feature-map.csv");
    }

    /** @return the feature map after ReLU */
    public static double[][] rectifiedMap() {
        return matrix("Relu/feature-map.csv");
    }

    /** @return the 3x3 map after 2x2 max pooling with stride 2 */
    public static double[][] pooledMap() {
        return matrix("MaxPooling/pooled-map.csv");
    }

    /** @return the pooled map flattened row by row */
    public static double[] flattened() {
        return vector("Flattening/vector.csv");
    }

    /** @return illustrative dense weights (NOT from the slides), {@code weights[output][input]} */
    public static double[][] denseWeights() {
        return matrix("FullConnection/weights.csv");
    }

    /** @return illustrative dense bias (NOT from the slides), one per output */
    public static double[] denseBias() {
        return vector("FullConnection/bias.csv");
    }

    /** @return the dense layer's scores for the flattened vector (Dog, Cat) */
    public static double[] denseScores() {
        return vector("FullConnection/scores.csv");
    }

    /** @return softmax of the dense scores */
    public static double[] probabilities() {
        return vector("Softmax/probabilities.csv");
    }

    /** @return the cross-entropy example: column name to value (target_dog, target_cat, loss, gradient_*) */
    public static Map<String, Double> crossEntropyExample() {
        List<CSVRecord> rows = records("CrossEntropy/example.csv", TABLE);
        Map<String, Double> values = new LinkedHashMap<>();
        rows.get(0).toMap().forEach((k, v) -> values.put(k, Double.parseDouble(v)));
        return values;
    }

    /**
     * @param name {@code "NN1"} or {@code "NN2"}
     * @return that network's outputs and targets, one row per observation
     */
    public static Network network(String name) {
        List<CSVRecord> rows = records("ErrorMeasures/" + name + ".csv", TABLE);
        double[][] predicted = new double[rows.size()][];
        double[][] actual = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord r = rows.get(i);
            predicted[i] = new double[] {num(r.get("predicted_dog")), num(r.get("predicted_cat"))};
            actual[i] = new double[] {num(r.get("actual_dog")), num(r.get("actual_cat"))};
        }
        return new Network(name, predicted, actual);
    }

    /**
     * @param name {@code "NN1"} or {@code "NN2"}
     * @return the three measures of that network, exact and as printed on the slides
     */
    public static Measures measures(String name) {
        for (CSVRecord r : records("ErrorMeasures/measures.csv", TABLE)) {
            if (r.get("network").equals(name)) {
                return new Measures(
                        name,
                        num(r.get("classification_error")),
                        num(r.get("mean_squared_error")),
                        num(r.get("cross_entropy")),
                        num(r.get("slide_classification_error")),
                        num(r.get("slide_mean_squared_error")),
                        num(r.get("slide_cross_entropy")));
            }
        }
        throw new IllegalArgumentException("no network named '" + name + "' in ErrorMeasures/measures.csv");
    }

    /**
     * @param name a file in {@code lecture-data/filters/} without {@code .csv}, e.g. {@code "sharpen"}
     * @return that image-filter kernel
     */
    public static double[][] filter(String name) {
        return matrix("filters/" + name + ".csv");
    }

    /** @return the names of the image filters shipped in {@code lecture-data/filters/}, in slide order */
    public static List<String> filterNames() {
        return List.of("sharpen", "blur", "edge-enhance", "edge-detect", "emboss", "sobel");
    }

    /**
     * Reads a headerless CSV of numbers as a matrix.
     *
     * @param resource path below {@code lecture-data/}, e.g. {@code "Convolution/image.csv"}
     * @return one array per CSV line
     * @throws IllegalArgumentException if the file is missing, empty, ragged or holds a non-number
     */
    public static double[][] matrix(String resource) {
        return matrix(resource, records(resource, MATRIX));
    }

    /**
     * Reads a CSV file of the lecture data's format (headerless, {@code #} comments) as a matrix: a learner's own
     * numbers, for the walkthrough's playground.
     *
     * @param file the CSV file
     * @return one array per CSV line
     * @throws IllegalArgumentException if the file is missing, unreadable, empty, ragged or holds a non-number
     */
    public static double[][] matrix(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = MATRIX.parse(reader)) {
            return matrix(file.toString(), parser.getRecords());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no file " + file, e);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static double[][] matrix(String resource, List<CSVRecord> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(resource + " holds no rows");
        }
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            CSVRecord r = rows.get(i);
            m[i] = new double[r.size()];
            for (int j = 0; j < r.size(); j++) {
                try {
                    m[i][j] = num(r.get(j));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            resource + " line " + (i + 1) + " value " + (j + 1) + " is not a number: '" + r.get(j)
                                    + "'",
                            e);
                }
            }
            if (m[i].length != m[0].length) {
                throw new IllegalArgumentException(resource + " is ragged: line " + (i + 1) + " has " + m[i].length
                        + " values, line 1 has " + m[0].length);
            }
        }
        return m;
    }

    /**
     * @param resource path below {@code lecture-data/} of a one-line CSV
     * @return its numbers
     */
    public static double[] vector(String resource) {
        double[][] m = matrix(resource);
        if (m.length != 1) {
            throw new IllegalArgumentException(resource + " should hold one line, holds " + m.length);
        }
        return m[0];
    }

    private static double num(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static List<CSVRecord> records(String resource, CSVFormat format) {
        InputStream in = LectureData.class.getResourceAsStream(ROOT + resource);
        if (in == null) {
            throw new IllegalArgumentException("lecture data file not found: lecture-data/" + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            return new ArrayList<>(parser.getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lecture-data/" + resource, e);
        }
    }
}
