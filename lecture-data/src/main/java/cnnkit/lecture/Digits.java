package cnnkit.lecture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The handwritten digits the network of Part 2 learns: 1,797 images of 8x8 pixels, each showing one digit 0..9
 * (the UCI "Optical Recognition of Handwritten Digits" test set; provenance and licence in
 * {@code lecture-data/README.md}).
 *
 * <p>The file {@code digits/digits.csv.gz} has one image per line: 64 pixel counts 0..16, row by row, then the
 * digit. Here each pixel is divided by 16, so an image holds values in [0, 1].
 *
 * <p><b>The split</b>, fixed so that every run and every learner sees the same: image {@code i} (0-based line
 * number) is a <em>test</em> image when {@code i % 5 == 0}, else a <em>training</em> image. That gives 1,437
 * training and 360 test images, every fifth from the first on, spread evenly over the file.
 *
 * <pre>
 *   for (Digits.Example e : Digits.train()) { ... e.image() ... e.label() ... }
 * </pre>
 */
public final class Digits {
    /** The class path resource: the file {@code lecture-data/digits/digits.csv.gz}, unchanged. */
    public static final String RESOURCE = "/lecture-data/digits/digits.csv.gz";
    /** Side of an image: 8x8 pixels. */
    public static final int SIDE = 8;
    /** The largest pixel count in the file: pixels are divided by it. */
    public static final int MAX_COUNT = 16;
    /** Every {@code TEST_EVERY}-th image is a test image: see {@link #isTest}. */
    public static final int TEST_EVERY = 5;

    private static volatile List<Example> all;

    private Digits() {}

    /**
     * One image and the digit it shows.
     *
     * @param index the image's 0-based line in the file
     * @param image 8x8 pixels in [0, 1]
     * @param label the digit, 0..9
     */
    public record Example(int index, double[][] image, int label) {
        public Example {
            image = copy(image);
        }

        /** @return a copy of the pixels: changing it changes no other caller's image */
        @Override
        public double[][] image() {
            return copy(image);
        }

        private static double[][] copy(double[][] m) {
            double[][] out = new double[m.length][];
            for (int r = 0; r < m.length; r++) {
                out[r] = m[r].clone();
            }
            return out;
        }
    }

    /** @return whether image {@code index} of the file belongs to the test set ({@code index % 5 == 0}) */
    public static boolean isTest(int index) {
        return index % TEST_EVERY == 0;
    }

    /** @return every image in file order (1,797) */
    public static List<Example> all() {
        List<Example> a = all;
        if (a == null) {
            synchronized (Digits.class) {
                if (all == null) {
                    all = List.copyOf(read());
                }
                a = all;
            }
        }
        return a;
    }

    /** @return the training images in file order (1,437) */
    public static List<Example> train() {
        return all().stream().filter(e -> !isTest(e.index())).toList();
    }

    /** @return the test images in file order (360) */
    public static List<Example> test() {
        return all().stream().filter(e -> isTest(e.index())).toList();
    }

    private static List<Example> read() {
        try (InputStream raw = Digits.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the digits " + RESOURCE + " are missing from the class path");
            }
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
            List<Example> examples = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    examples.add(parse(examples.size(), line));
                }
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** One line: 64 counts 0..16, then the digit. */
    static Example parse(int index, String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != SIDE * SIDE + 1) {
            throw new IllegalArgumentException(
                    "digits line " + (index + 1) + " has " + cells.length + " values; expected " + (SIDE * SIDE + 1));
        }
        double[][] image = new double[SIDE][SIDE];
        for (int i = 0; i < SIDE * SIDE; i++) {
            double count = Double.parseDouble(cells[i].trim());
            if (!(count >= 0 && count <= MAX_COUNT)) {
                throw new IllegalArgumentException(
                        "digits line " + (index + 1) + ": pixel " + i + " is " + count + "; expected 0.." + MAX_COUNT);
            }
            image[i / SIDE][i % SIDE] = count / MAX_COUNT;
        }
        double label = Double.parseDouble(cells[SIDE * SIDE].trim());
        if (label != Math.rint(label) || label < 0 || label > 9) {
            throw new IllegalArgumentException(
                    "digits line " + (index + 1) + ": the digit is " + cells[SIDE * SIDE] + "; expected 0..9");
        }
        return new Example(index, image, (int) label);
    }
}
