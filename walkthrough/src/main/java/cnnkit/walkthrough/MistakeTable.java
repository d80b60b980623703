package cnnkit.walkthrough;

import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The catalogue's mistakes as data: for each check of the walk (a step, a method, the walk's inputs), what every
 * known mistake gives on those inputs, with its hint. The table ({@value #RESOURCE}) is computed at build time from
 * the hidden tests' wrong oracles ({@code MistakeTableWriter} in this module's tests, run by the build before the
 * jar is packed), so the learners' jar names mistakes exactly as the grader does without holding any oracle.
 *
 * <p>Columns: {@code step,method,inputs,misconception,output,hint}. A grid is written as its rows separated by
 * {@code ;} and its cells by spaces, with {@link Double#toString} (exact round trip); the inputs are grids
 * separated by {@code |}. The rows of one check keep the catalogue's order: the first match names the mistake.
 */
public final class MistakeTable implements MistakeRecogniser {
    /** Where the build puts the table. */
    public static final String RESOURCE = "/cnnkit/walkthrough/mistakes.csv";

    static final String[] HEADER = {"step", "method", "inputs", "misconception", "output", "hint"};

    /** One known mistake's result on one check's inputs. */
    record Row(Step step, String method, List<Grid> inputs, String misconception, Grid output, String hint) {}

    private final Map<List<Object>, List<Row>> byCheck = new HashMap<>();
    private final Map<String, String> hints = new LinkedHashMap<>();

    MistakeTable(List<Row> rows) {
        for (Row r : rows) {
            byCheck.computeIfAbsent(key(r.step(), r.method(), r.inputs()), k -> new ArrayList<>())
                    .add(r);
            hints.putIfAbsent(r.misconception(), r.hint());
        }
    }

    /**
     * @return the table the build shipped
     * @throws IllegalStateException if it is missing (the module was not built with {@code mvn package} or
     *                               {@code mvn test}) or unreadable
     */
    public static MistakeTable load() {
        try (InputStream in = MistakeTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: build the walkthrough module with Maven");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MistakeTable read(Reader reader) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader)) {
            Step step = Step.byName(r.get("step"))
                    .orElseThrow(
                            () -> new IllegalArgumentException("unknown step in " + RESOURCE + ": " + r.get("step")));
            List<Grid> inputs = Arrays.stream(r.get("inputs").split("\\|"))
                    .map(MistakeTable::grid)
                    .toList();
            rows.add(new Row(
                    step, r.get("method"), inputs, r.get("misconception"), grid(r.get("output")), r.get("hint")));
        }
        return new MistakeTable(rows);
    }

    /** Writes rows in the table's format (used by the build step that computes them). */
    static void write(List<Row> rows, Appendable out) throws IOException {
        try (CSVPrinter csv = CSVFormat.DEFAULT
                .builder()
                .setHeader(HEADER)
                .setRecordSeparator('\n')
                .get()
                .print(out)) {
            for (Row r : rows) {
                csv.printRecord(
                        r.step().className(),
                        r.method(),
                        String.join(
                                "|", r.inputs().stream().map(MistakeTable::text).toList()),
                        r.misconception(),
                        text(r.output()),
                        r.hint());
            }
        }
    }

    private static List<Object> key(Step step, String method, List<Grid> inputs) {
        return List.of(step, method, List.copyOf(inputs));
    }

    @Override
    public Optional<String> recognise(Step step, String method, List<Grid> inputs, Grid actual) {
        return byCheck.getOrDefault(key(step, method, inputs), List.of()).stream()
                .filter(r -> actual.matches(r.output()))
                .map(Row::misconception)
                .findFirst();
    }

    @Override
    public String hint(String misconception) {
        return hints.getOrDefault(misconception, "");
    }

    /** @return the number of checks the table knows */
    int checks() {
        return byCheck.size();
    }

    static String text(Grid g) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < g.rows(); r++) {
            if (r > 0) {
                b.append(';');
            }
            for (int c = 0; c < g.cols(); c++) {
                b.append(c > 0 ? " " : "").append(Double.toString(g.get(r, c)));
            }
        }
        return b.toString();
    }

    static Grid grid(String text) {
        return new Grid(Arrays.stream(text.split(";", -1))
                .map(row -> row.isEmpty()
                        ? new double[0]
                        : Arrays.stream(row.split(" "))
                                .mapToDouble(Double::parseDouble)
                                .toArray())
                .toArray(double[][]::new));
    }
}
