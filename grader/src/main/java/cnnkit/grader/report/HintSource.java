package cnnkit.grader.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The hint the feedback shows for a recognised misconception. The one place where the reports meet the misconception
 * catalogue ({@code cnnkit/misconceptions.csv}, columns {@code id,step,recognised_by,hint}).
 */
public final class HintSource {
    private static final String CATALOGUE = "/cnnkit/misconceptions.csv";

    private final Map<String, String> hints;

    private HintSource(Map<String, String> hints) {
        this.hints = Map.copyOf(hints);
    }

    /** @return the hints of the catalogue shipped with the grader (none if it has none) */
    public static HintSource catalogue() {
        Map<String, String> hints = new LinkedHashMap<>();
        try (InputStream in = HintSource.class.getResourceAsStream(CATALOGUE)) {
            if (in != null) {
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    for (CSVRecord r : CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader()
                        .setSkipHeaderRecord(true).get().parse(reader)) {
                        hints.put(r.get("id"), r.get("hint"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HintSource(hints);
    }

    /**
     * @param misconception a misconception id (may be empty)
     * @return its hint, if the catalogue has one
     */
    public Optional<String> hint(String misconception) {
        return Optional.ofNullable(misconception).filter(m -> !m.isEmpty()).map(hints::get);
    }
}
