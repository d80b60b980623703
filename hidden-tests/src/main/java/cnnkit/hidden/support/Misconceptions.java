package cnnkit.hidden.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The misconception catalogue, {@code cnnkit/misconceptions.csv}: the known ways to get a step wrong, each with a
 * hint in the lecture's words. Hidden checks put a misconception's id in their {@link CheckFailure}; feedback and
 * summaries look the hint up here.
 *
 * <pre>
 *   Misconceptions.load().hint("kernel-flipped")      // "Your result matches the feature detector turned by 180°…"
 *   Misconceptions.load().ofStep("MaxPooling")        // pooling-drops-partial-windows, average-pooling, …
 * </pre>
 */
public final class Misconceptions {
    /** The catalogue's resource path. */
    public static final String RESOURCE = "/cnnkit/misconceptions.csv";

    /**
     * One catalogue entry.
     *
     * @param id           stable id, e.g. {@code "kernel-flipped"}
     * @param step         the step's class name, e.g. {@code "Convolution"}
     * @param recognisedBy {@code "output"} (compared with a wrong oracle) or {@code "input-changed"}
     * @param oracle       the method of {@link WrongOracles} that reproduces the mistake
     * @param hint         what the student reads
     */
    public record Misconception(String id, String step, String recognisedBy, String oracle, String hint) {}

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setCommentMarker('#')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();
    private static Misconceptions catalogue;

    private final Map<String, Misconception> byId;

    private Misconceptions(Map<String, Misconception> byId) {
        this.byId = byId;
    }

    /** @return the catalogue shipped with the grader (read once) */
    public static synchronized Misconceptions load() {
        if (catalogue == null) {
            InputStream in = Misconceptions.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("misconception catalogue missing: " + RESOURCE);
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                catalogue = parse(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
        return catalogue;
    }

    /**
     * @param csv a catalogue with header {@code id,step,recognised_by,oracle,hint}
     * @return its entries
     * @throws IllegalArgumentException on a duplicate id or an empty field
     */
    public static Misconceptions parse(Reader csv) throws IOException {
        Map<String, Misconception> byId = new LinkedHashMap<>();
        try (CSVParser parser = FORMAT.parse(csv)) {
            for (CSVRecord r : parser) {
                Misconception m = new Misconception(
                        field(r, "id"),
                        field(r, "step"),
                        field(r, "recognised_by"),
                        field(r, "oracle"),
                        field(r, "hint"));
                if (byId.put(m.id(), m) != null) {
                    throw new IllegalArgumentException(
                            "misconception id '" + m.id() + "' appears twice (line " + r.getRecordNumber() + ")");
                }
            }
        }
        return new Misconceptions(Collections.unmodifiableMap(byId));
    }

    private static String field(CSVRecord r, String name) {
        String v = r.isMapped(name) ? r.get(name).strip() : "";
        if (v.isEmpty()) {
            throw new IllegalArgumentException("misconception record " + r.getRecordNumber() + " has no " + name);
        }
        return v;
    }

    /** @return the entry with this id, if any */
    public Optional<Misconception> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return the hint of this id, or empty if the id is not in the catalogue */
    public String hint(String id) {
        Misconception m = byId.get(id);
        return m == null ? "" : m.hint();
    }

    /** @return the entries of one step (class name, e.g. {@code "Softmax"}), in catalogue order */
    public List<Misconception> ofStep(String step) {
        List<Misconception> out = new ArrayList<>();
        for (Misconception m : byId.values()) {
            if (m.step().equals(step)) {
                out.add(m);
            }
        }
        return out;
    }

    /** @return every entry, in catalogue order */
    public List<Misconception> all() {
        return List.copyOf(byId.values());
    }
}
