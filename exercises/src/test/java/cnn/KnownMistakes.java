package cnn;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Names a known mistake when a public check fails: the file {@code cnn/known-mistakes.csv} (test resources) holds,
 * for each check, what each catalogued mistake gives on that check's inputs, computed when the kit was built by
 * running these public tests on the mistakes. A wrong result that equals one of them is that mistake; the file holds
 * wrong answers only, never the right ones. Columns: {@code check} (the check's first line), {@code mistake} (its
 * name), {@code hint}, {@code value} (as {@link #encode} writes it).
 */
final class KnownMistakes {
    static final String FILE = "cnn/known-mistakes.csv";

    private record Row(String check, String mistake, String hint, String value) {}

    private static final List<Row> ROWS = load();

    private KnownMistakes() {}

    /**
     * @param check  the failed check's first line
     * @param actual the wrong result: a {@code double}, {@code double[]}, {@code double[][]} or {@code double[][][]}
     * @return "This is a known mistake (name): hint" for each catalogued mistake that gives this result, one line
     *     each, or an empty string
     */
    static String named(String check, Object actual) {
        StringBuilder sb = new StringBuilder();
        for (Row r : ROWS) {
            if (r.check.equals(check) && same(decode(r.value), actual)) {
                sb.append("\nThis is a known mistake (")
                        .append(r.mistake)
                        .append("): ")
                        .append(r.hint);
            }
        }
        return sb.toString();
    }

    /**
     * @return the value as text: its number of dimensions, ':', then the numbers as Java writes them, the values of a
     *     row separated by spaces, rows by ';', maps by '|'; e.g. {@code 2:1.0 2.0;3.0 4.0}
     */
    static String encode(Object value) {
        int dims =
                value instanceof double[][][] ? 3 : value instanceof double[][] ? 2 : value instanceof double[] ? 1 : 0;
        return dims + ":" + numbers(value);
    }

    private static String numbers(Object value) {
        if (value instanceof double[][][] maps) {
            return String.join(
                    "|", Arrays.stream(maps).map(KnownMistakes::numbers).toList());
        }
        if (value instanceof double[][] rows) {
            return String.join(
                    ";", Arrays.stream(rows).map(KnownMistakes::numbers).toList());
        }
        if (value instanceof double[] row) {
            return String.join(
                    " ", Arrays.stream(row).mapToObj(Double::toString).toList());
        }
        return String.valueOf(value);
    }

    private static Object decode(String text) {
        return decode(text.charAt(0) - '0', text.substring(2));
    }

    private static Object decode(int dims, String text) {
        String separator = dims == 3 ? "\\|" : dims == 2 ? ";" : " ";
        return switch (dims) {
            case 3 ->
                Arrays.stream(text.split(separator, -1))
                        .map(m -> (double[][]) decode(2, m))
                        .toArray(double[][][]::new);
            case 2 ->
                Arrays.stream(text.split(separator, -1))
                        .map(r -> (double[]) decode(1, r))
                        .toArray(double[][]::new);
            case 1 ->
                text.isEmpty()
                        ? new double[0]
                        : Arrays.stream(text.split(separator))
                                .mapToDouble(Double::parseDouble)
                                .toArray();
            default -> Double.valueOf(text);
        };
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Object[] xs && b instanceof Object[] ys) {
            if (xs.length != ys.length) {
                return false;
            }
            for (int i = 0; i < xs.length; i++) {
                if (!same(xs[i], ys[i])) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof double[] xs && b instanceof double[] ys) {
            if (xs.length != ys.length) {
                return false;
            }
            for (int i = 0; i < xs.length; i++) {
                if (!Expect.close(xs[i], ys[i])) {
                    return false;
                }
            }
            return true;
        }
        return a instanceof Double x && b instanceof Double y && Expect.close(x, y);
    }

    private static List<Row> load() {
        InputStream in = KnownMistakes.class.getClassLoader().getResourceAsStream(FILE);
        if (in == null) {
            return List.of(); // the kit's own build runs these tests before the file is made
        }
        List<Row> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setCommentMarker('#')
                    .build()
                    .parse(reader)) {
                rows.add(new Row(r.get("check"), r.get("mistake"), r.get("hint"), r.get("value")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rows);
    }
}
