package cnnkit.walkthrough;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The gradients of the lecture's example on the way back, as data: what the backward walk expects. The lecture gives
 * no gradients, so they are computed at build time from the hidden tests' reference ({@code LectureGradientsWriter}
 * in this module's tests, run by the build before the jar is packed, as for the {@link MistakeTable}) and read here:
 * the learners' jar ships the numbers, never the code that makes them.
 *
 * <p>The example is the forward walk's: the 7x7 image, the 3x3 detector, the illustrative dense layer, and the
 * target Dog, {@code t = (1, 0)} ({@code lecture-data/CrossEntropy/example.csv}), whose gradient at the scores is
 * {@code y − t}. Each constant is {@code ∂L/∂} of one value of the forward pass, each computed from the one before it
 * (the reference's, so a step can be explored even when the learner's step before is not done).
 *
 * <p>Resource {@value #RESOURCE}, columns {@code gradient,values}: the constant's name and its grid in the
 * {@link MistakeTable}'s format.
 */
public enum LectureGradient {
    /** ∂L/∂y at softmax's probabilities, {@code −t / y} (Dog, Cat): what softmax's backward pass gets. */
    PROBABILITIES,
    /** ∂L/∂(flattened vector), {@code Wᵀ(y − t)}: what full connection's backward pass gives (9 values). */
    FLATTENED,
    /** ∂L/∂weights, {@code (y − t) ⊗ x}, 2x9 like the weights. */
    WEIGHTS,
    /** ∂L/∂(pooled map): the flattened vector's gradient unflattened, 3x3. */
    POOLED_MAP,
    /** ∂L/∂(rectified map): the pooled map's gradient routed back to the window maxima, 5x5. */
    RECTIFIED_MAP,
    /** ∂L/∂(feature map): the rectified map's gradient where the feature map is {@code > 0}, 5x5. */
    FEATURE_MAP,
    /** ∂L/∂(feature detector), 3x3. */
    DETECTOR,
    /** ∂L/∂image, 7x7. */
    IMAGE;

    /** Where the build puts the table. */
    public static final String RESOURCE = "/cnnkit/walkthrough/lecture-gradients.csv";

    static final String[] HEADER = {"gradient", "values"};

    /** @return this gradient's values, from the table the build shipped */
    public Grid grid() {
        return Table.LOADED.get(this);
    }

    /** The table, read once at first use. */
    private static final class Table {
        static final Map<LectureGradient, Grid> LOADED = load();

        private static Map<LectureGradient, Grid> load() {
            try (InputStream in = LectureGradient.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing: build the walkthrough module with Maven");
                }
                return read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * @throws IllegalArgumentException if a row names no gradient or a gradient has no row
     */
    static Map<LectureGradient, Grid> read(Reader reader) throws IOException {
        Map<LectureGradient, Grid> grids = new EnumMap<>(LectureGradient.class);
        for (CSVRecord r : CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader)) {
            grids.put(valueOf(r.get("gradient")), MistakeTable.grid(r.get("values")));
        }
        for (LectureGradient g : values()) {
            if (!grids.containsKey(g)) {
                throw new IllegalArgumentException(RESOURCE + " has no row " + g);
            }
        }
        return grids;
    }

    /** Writes the table (used by the build step that computes it). */
    static void write(Map<LectureGradient, Grid> grids, Appendable out) throws IOException {
        try (CSVPrinter csv = CSVFormat.DEFAULT
                .builder()
                .setHeader(HEADER)
                .setRecordSeparator('\n')
                .get()
                .print(out)) {
            for (LectureGradient g : values()) {
                csv.printRecord(g.name(), MistakeTable.text(grids.get(g)));
            }
        }
    }
}
