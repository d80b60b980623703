package cnnkit.grader.course;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.common.CsvErrors;
import cnnkit.grader.report.Gradebook;
import cnnkit.grader.score.Grade;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A {@code gradebook.csv} as {@link Gradebook} writes it (that class holds its one schema), read back for the
 * exports. Its header tells the assignment: Part 1's steps or Part 2's units ({@link Gradebook#header(Assignment)}).
 *
 * @param assignment what the class was graded on: the columns after {@code max_score}
 * @param rows       one per submission, in file order
 */
public record GradebookTable(Assignment assignment, List<Row> rows) {
    /**
     * One submission's row; numbers are kept as written, so an export shows the same digits.
     *
     * @param units each unit's points by its column name, in the gradebook's order (Part 1: {@code Convolution},
     *              …; Part 2: {@code ConvolutionBackward}, …, {@code Training})
     */
    public record Row(String submission, String status, String score, String maxScore, Map<String, String> units) {
        public Row {
            units = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(units));
        }
    }

    public GradebookTable {
        rows = List.copyOf(rows);
    }

    /**
     * @param csv a gradebook.csv
     * @return its rows, in file order, and the assignment its header is of
     * @throws IllegalArgumentException if its header is no assignment's gradebook header or it is not well-formed CSV
     */
    public static GradebookTable load(Path csv) throws IOException {
        try {
            return read(csv);
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(csv + ": " + CsvErrors.describe(e));
        }
    }

    private static GradebookTable read(Path csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        List<Row> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(in)) {
            List<String> header = parser.getHeaderNames();
            Assignment assignment = Arrays.stream(Assignment.values())
                    .filter(a -> header.equals(Gradebook.header(a)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(csv + " is not a gradebook: its header should be "
                            + String.join(",", Gradebook.header(Assignment.FORWARD)) + " (Part 1) or "
                            + String.join(",", Gradebook.header(Assignment.BACKPROP)) + " (Part 2)"));
            for (CSVRecord r : parser) {
                rows.add(row(assignment, r::get));
            }
            return new GradebookTable(assignment, rows);
        }
    }

    /**
     * @param assignment what the grades are of
     * @param grades     one per submission
     * @return the table {@link #load} would read from the gradebook.csv of these grades, without writing one
     */
    public static GradebookTable of(Assignment assignment, List<Grade> grades) {
        List<String> header = Gradebook.header(assignment);
        List<Row> rows = new ArrayList<>();
        for (List<String> cells : Gradebook.rows(assignment, grades)) {
            rows.add(row(assignment, column -> cells.get(header.indexOf(column))));
        }
        return new GradebookTable(assignment, rows);
    }

    private static Row row(Assignment assignment, Function<String, String> cell) {
        Map<String, String> units = new LinkedHashMap<>();
        for (String unit : assignment.units()) {
            units.put(unit, cell.apply(unit));
        }
        return new Row(
                cell.apply("submission"), cell.apply("status"), cell.apply("score"), cell.apply("max_score"), units);
    }

    /** @return the highest {@code max_score} of the rows (what the assignment is out of), "0" if none */
    public String pointsPossible() {
        return rows.stream()
                .map(Row::maxScore)
                .max((a, b) -> Double.compare(num(a), num(b)))
                .orElse("0");
    }

    private static double num(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
