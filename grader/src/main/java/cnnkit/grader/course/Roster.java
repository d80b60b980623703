package cnnkit.grader.course;

import cnnkit.grader.common.CsvErrors;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Who is behind each submission id: a CSV with the columns {@code id,name,email} (the id is the submission's id,
 * e.g. the folder or zip name, a GitHub user name for Classroom repositories). Further columns are kept for the
 * LMS exports: {@code canvas_id}, {@code sis_user_id}, {@code sis_login_id}, {@code section} (Canvas) and
 * {@code username}, {@code idnumber} (Moodle).
 */
public final class Roster {
    /** The columns every roster has. */
    public static final List<String> REQUIRED = List.of("id", "name", "email");

    /** One student: the required fields and every other column of their row (blank cells left out). */
    public record Student(String id, String name, String email, Map<String, String> extra) {
        /** @return the value of an optional column, if the roster has it for this student */
        public Optional<String> get(String column) {
            return Optional.ofNullable(extra.get(column)).filter(v -> !v.isBlank());
        }
    }

    private final Map<String, Student> byId;

    private Roster(Map<String, Student> byId) {
        this.byId = byId;
    }

    /**
     * @param csv the roster file (UTF-8, a header line, {@code #} comments allowed)
     * @return its students, in file order
     * @throws IllegalArgumentException if a required column is missing, an id is blank or appears twice, or the
     *                                  file is not well-formed CSV (e.g. a quote that is never closed)
     */
    public static Roster load(Path csv) throws IOException {
        try {
            return read(csv);
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(csv + ": " + CsvErrors.describe(e));
        }
    }

    private static Roster read(Path csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setCommentMarker('#')
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        Map<String, Student> students = new LinkedHashMap<>();
        String bom = "\uFEFF"; // spreadsheets save UTF-8 with a byte order mark
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(in)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace(bom, "").trim())
                    .toList();
            for (String column : REQUIRED) {
                if (!header.contains(column)) {
                    throw new IllegalArgumentException(
                            csv + ": the roster needs the columns " + REQUIRED + " (found " + header + ")");
                }
            }
            for (CSVRecord r : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                List<String> raw = parser.getHeaderNames();
                for (int i = 0; i < raw.size() && i < r.size(); i++) {
                    row.put(header.get(i), r.get(i));
                }
                String id = row.getOrDefault("id", "");
                if (id.isBlank()) {
                    throw new IllegalArgumentException(csv + " line " + r.getRecordNumber() + ": blank id");
                }
                Map<String, String> extra = new LinkedHashMap<>(row);
                REQUIRED.forEach(extra::remove);
                extra.values().removeIf(String::isBlank);
                Student s = new Student(id, row.getOrDefault("name", ""), row.getOrDefault("email", ""), extra);
                if (students.putIfAbsent(id, s) != null) {
                    throw new IllegalArgumentException(csv + ": the id '" + id + "' appears twice");
                }
            }
        }
        return new Roster(students);
    }

    /** @return the student with that submission id, if on the roster */
    public Optional<Student> student(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return every student, in roster order */
    public List<Student> students() {
        return List.copyOf(byId.values());
    }
}
