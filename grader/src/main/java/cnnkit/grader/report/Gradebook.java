package cnnkit.grader.report;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.common.StudentText;
import cnnkit.grader.score.Grade;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code gradebook.csv}: one row per submission, sorted by id, with the points of every step. No timing in it, so
 * the same class graded twice gives the same file, byte for byte. Ids never start like a spreadsheet formula (see
 * {@link cnnkit.grader.collect.Submission#idOf}); the cell is guarded all the same ({@link StudentText#csvCell}).
 * The one home of the gradebook's schema ({@link #header}): the exports read it back with the same header.
 *
 */
public final class Gradebook {
    /** The first columns; the steps follow in lecture order. */
    static final List<String> LEADING = List.of("submission", "status", "score", "max_score");

    private Gradebook() {}

    /** @return Part 1's header: submission, status, score, max_score, then the step names */
    public static List<String> header() {
        return header(Assignment.FORWARD);
    }

    /**
     * @return the header: submission, status, score, max_score, then the assignment's units (Part 1: the step
     *     names; Part 2: ConvolutionBackward, …, SoftmaxBackward, Training)
     */
    public static List<String> header(Assignment assignment) {
        List<String> header = new ArrayList<>(LEADING);
        header.addAll(assignment.units());
        return header;
    }

    /**
     * @param file   where to write
     * @param grades one per submission, any order
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, List<Grade> grades) throws IOException {
        write(file, Assignment.FORWARD, grades);
    }

    /**
     * @param file       where to write
     * @param assignment what the class was graded on (the columns)
     * @param grades     one per submission, any order, all of that assignment
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Assignment assignment, List<Grade> grades) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader(header(assignment).toArray(String[]::new))
                .setRecordSeparator('\n')
                .get();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, format)) {
            for (List<String> row : rows(assignment, grades)) {
                csv.printRecord(row);
            }
        }
    }

    /**
     * @param grades one per submission, any order
     * @return the rows exactly as {@link #write} writes them: sorted by id, one cell per {@link #header} column
     */
    public static List<List<String>> rows(List<Grade> grades) {
        return rows(Assignment.FORWARD, grades);
    }

    /** As {@link #rows(List)}, one cell per {@link #header(Assignment)} column. */
    public static List<List<String>> rows(Assignment assignment, List<Grade> grades) {
        List<Grade> sorted = new ArrayList<>(grades);
        sorted.sort(Comparator.comparing(Grade::id));
        List<List<String>> rows = new ArrayList<>();
        for (Grade g : sorted) {
            List<String> row = new ArrayList<>(List.of(
                    StudentText.csvCell(g.id()),
                    g.status().toString(),
                    Points.format(g.score()),
                    Points.format(g.maxScore())));
            for (Step step : assignment.steps()) {
                row.add(Points.format(g.step(step).earned()));
            }
            rows.add(List.copyOf(row));
        }
        return rows;
    }
}
