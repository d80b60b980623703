package cnnkit.grader.course;

import cnnkit.grader.common.CsvErrors;
import cnnkit.grader.report.Gradebook;
import cnnkit.grader.score.Grade;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A {@code gradebook.csv} as {@link Gradebook} writes it (that class holds its one schema), read back for the
 * exports.
 */
public record GradebookTable(List<Row> rows) {
    /** One submission's row; numbers are kept as written, so an export shows the same digits. */
    public record Row(String submission, String status, String score, String maxScore, Map<Step, String> steps) {}

    public GradebookTable {
        rows = List.copyOf(rows);
    }

    /**
     * @param csv a gradebook.csv
     * @return its rows, in file order
     * @throws IllegalArgumentException if its header is not the gradebook's or it is not well-formed CSV
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
            if (!parser.getHeaderNames().equals(Gradebook.header())) {
                throw new IllegalArgumentException(
                        csv + " is not a gradebook: its header should be " + String.join(",", Gradebook.header()));
            }
            for (CSVRecord r : parser) {
                rows.add(row(r::get));
            }
        }
        return new GradebookTable(rows);
    }

    /**
     * @param grades one per submission
     * @return the table {@link #load} would read from the gradebook.csv of these grades, without writing one
     */
    public static GradebookTable of(List<Grade> grades) {
        List<String> header = Gradebook.header();
        List<Row> rows = new ArrayList<>();
        for (List<String> cells : Gradebook.rows(grades)) {
            rows.add(row(column -> cells.get(header.indexOf(column))));
        }
        return new GradebookTable(rows);
    }

    private static Row row(Function<String, String> cell) {
        Map<Step, String> steps = new LinkedHashMap<>();
        for (Step s : Step.values()) {
            steps.put(s, cell.apply(s.className()));
        }
        return new Row(
                cell.apply("submission"), cell.apply("status"), cell.apply("score"), cell.apply("max_score"), steps);
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
