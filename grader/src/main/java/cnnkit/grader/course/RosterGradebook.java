package cnnkit.grader.course;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.course.GradebookTable.Row;
import cnnkit.grader.course.Roster.Student;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code roster-gradebook.csv}, written by {@code grade --roster}: the gradebook with each submission's student.
 * Columns {@code submission,name,email,status,score,max_score} and the gradebook's units (Part 1's steps, or Part 2's
 * backward passes and Training); the gradebook's rows first (same
 * order; name and email blank when the id is not on the roster), then one {@code missing} row per roster student
 * who handed in nothing. {@code gradebook.csv} itself keeps its fixed header.
 */
public final class RosterGradebook {
    /** The file name next to gradebook.csv. */
    public static final String FILE = "roster-gradebook.csv";
    /** The status of a roster student without a submission. */
    public static final String MISSING = "missing";

    private RosterGradebook() {}

    /**
     * @param assignment what the class was graded on
     * @return the header: submission, name, email, status, score, max_score, then the assignment's units
     */
    public static List<String> header(Assignment assignment) {
        List<String> header = new ArrayList<>(List.of("submission", "name", "email", "status", "score", "max_score"));
        header.addAll(assignment.units());
        return header;
    }

    /**
     * @param gradebook the class's gradebook
     * @param roster    who is who
     * @param out       the file to write
     * @return what could not be matched (submissions not on the roster, students without a submission)
     */
    public static LmsExport.Outcome write(GradebookTable gradebook, Roster roster, Path out) throws IOException {
        List<String> notOnRoster = new ArrayList<>();
        Set<String> submitted = gradebook.rows().stream().map(Row::submission).collect(Collectors.toSet());
        List<String> missing = roster.students().stream()
                .map(Student::id)
                .filter(id -> !submitted.contains(id))
                .toList();
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, format)) {
            csv.printRecord(header(gradebook.assignment()));
            for (Row r : gradebook.rows()) {
                Optional<Student> s = roster.student(r.submission());
                if (s.isEmpty()) {
                    notOnRoster.add(r.submission());
                }
                List<String> row = new ArrayList<>(List.of(
                        r.submission(),
                        s.map(Student::name).orElse(""),
                        s.map(Student::email).orElse(""),
                        r.status(),
                        r.score(),
                        r.maxScore()));
                row.addAll(r.units().values());
                csv.printRecord(row);
            }
            for (String id : missing) {
                Student s = roster.student(id).orElseThrow();
                List<String> row = new ArrayList<>(List.of(id, s.name(), s.email(), MISSING, "", ""));
                gradebook.assignment().units().forEach(unit -> row.add(""));
                csv.printRecord(row);
            }
        }
        return new LmsExport.Outcome(gradebook.rows().size() + missing.size(), notOnRoster, missing);
    }
}
