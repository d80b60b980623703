package cnnkit.walkthrough;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Hints in plain words for recognised mistakes. They come from the grader's misconception catalogue
 * ({@code cnnkit/misconceptions.csv}, columns {@code id,step,recognised_by,hint}) when it is on the class path;
 * a few built-in hints cover the mistakes {@link LectureMistakes} recognises until then.
 */
public final class Hints {
    /** Where the catalogue lives on the class path. */
    public static final String CATALOGUE = "/cnnkit/misconceptions.csv";

    private static final Map<String, String> BUILT_IN = Map.of(
        LectureMistakes.FLIPPED_KERNEL, "your result matches the detector turned by 180° (\"true\" convolution). "
            + "In a CNN the detector is laid on the image as it is (see the lecture's step 1).",
        LectureMistakes.AVERAGE_POOLING, "your result is the average of each window. Max pooling keeps the "
            + "largest value of each window, so a feature still counts when it moves a little (lecture, step 2).",
        LectureMistakes.FLATTEN_BY_COLUMNS, "your vector reads the pooled map column by column. The lecture "
            + "flattens row by row: the first row, then the second, then the third (step 3).");

    private final Map<String, String> hints;

    private Hints(Map<String, String> hints) {
        this.hints = hints;
    }

    /** @return the catalogue's hints, falling back to the built-in ones for ids it lacks (or if it is absent) */
    public static Hints load() {
        Map<String, String> all = new HashMap<>(BUILT_IN);
        InputStream in = Hints.class.getResourceAsStream(CATALOGUE);
        if (in != null) {
            all.putAll(read(in));
        }
        return new Hints(all);
    }

    /** @return the hint for a misconception id, if known */
    public Optional<String> hint(String id) {
        return Optional.ofNullable(hints.get(id));
    }

    static Map<String, String> read(InputStream in) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreSurroundingSpaces(true).get();
        Map<String, String> hints = new HashMap<>();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            for (CSVRecord r : parser) {
                if (r.isMapped("id") && r.isMapped("hint") && r.isSet("hint") && !r.get("hint").isBlank()) {
                    hints.put(r.get("id"), r.get("hint"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the misconception catalogue " + CATALOGUE, e);
        }
        return hints;
    }
}
