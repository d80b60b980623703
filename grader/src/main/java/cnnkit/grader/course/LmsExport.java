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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The gradebook in the CSV layouts that learning-management systems import.
 *
 * <ul>
 *   <li><b>Canvas</b> (Grades, Import): {@code Student,ID,SIS User ID,SIS Login ID,Section,<Assignment> (<id>)},
 *       then a {@code Points Possible} row, then one row per student. Canvas matches a row to a student by
 *       {@code ID}, else {@code SIS User ID}, else {@code SIS Login ID}; the name is for people. A column titled
 *       with a new assignment name creates that assignment.</li>
 *   <li><b>Moodle</b> (Grades, Import, CSV file): {@code Full name,Email address,Username,ID number,<Assignment>,
 *       Feedback}. On import, "Identify user by" maps {@code Email address} (or {@code Username},
 *       {@code ID number}) to the user field, the assignment column to a grade item and {@code Feedback} to its
 *       feedback.</li>
 * </ul>
 *
 * <p>With a roster, every roster student gets a row (blank grade if they handed in nothing: an export never invents
 * a zero) and submissions not on the roster are reported, not exported. Without a roster, the submission id stands
 * in for the student: Canvas's {@code SIS Login ID} and Moodle's {@code Username} (Moodle only with
 * {@link Identity#USERNAME}).
 *
 * <p>Before anything is written, every row must carry the field the LMS will match it by, and no two rows the same
 * value: a blank identifier is refused (Moodle gives such a row to the previous row's student), as is a duplicate.
 * A column is never filled with a guess (the submission id is not a Moodle username unless there is no roster and
 * the instructor chose {@code --identify-by username}).
 */
public final class LmsExport {
    /** The layouts this class writes. */
    public enum Format {
        CANVAS,
        MOODLE;

        /** @return the format for a name as typed on the command line ({@code canvas}, {@code moodle}) */
        public static Format of(String name) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown format '" + name + "': use canvas or moodle");
        }
    }

    /** The assignment column's title for Part 1's gradebook unless one is given. */
    public static final String PART_1_TITLE = "CNN exercises";
    /** The assignment column's title for Part 2's gradebook unless one is given: not Part 1's, whose grades it would replace. */
    public static final String PART_2_TITLE = "CNN exercises, Part 2";

    /**
     * @param assignment what the gradebook was graded on
     * @return the assignment column's title unless one is given: {@link #PART_1_TITLE} or {@link #PART_2_TITLE}
     */
    public static String defaultTitle(Assignment assignment) {
        return assignment == Assignment.FORWARD ? PART_1_TITLE : PART_2_TITLE;
    }

    /** Canvas's fixed leading columns, in the order its gradebook export writes them. */
    public static final List<String> CANVAS_COLUMNS =
            List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section");
    /** Moodle's user columns (any one of the last three can identify the user). */
    public static final List<String> MOODLE_COLUMNS = List.of("Full name", "Email address", "Username", "ID number");

    /** Which Moodle column the import's "Identify user by" will match (Moodle's user field of the same name). */
    public enum Identity {
        EMAIL("Email address", "email"),
        USERNAME("Username", "username"),
        IDNUMBER("ID number", "idnumber");

        private final String column;
        private final String rosterColumn;

        Identity(String column, String rosterColumn) {
            this.column = column;
            this.rosterColumn = rosterColumn;
        }

        /** @return the identity for a name as typed on the command line ({@code email}, {@code username}, ...) */
        public static Identity of(String name) {
            for (Identity i : values()) {
                if (i.rosterColumn.equalsIgnoreCase(name)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("unknown --identify-by '" + name + "': use email, username or idnumber");
        }

        /** @return the roster column it is read from: email, username or idnumber */
        public String rosterColumn() {
            return rosterColumn;
        }
    }

    /**
     * What an export did: rows written, the submissions it could not place, and warnings (e.g. a blank email that
     * is not the identifier but will be missing in the LMS).
     */
    public record Outcome(int rows, List<String> notOnRoster, List<String> withoutSubmission, List<String> warnings) {
        public Outcome(int rows, List<String> notOnRoster, List<String> withoutSubmission) {
            this(rows, notOnRoster, withoutSubmission, List.of());
        }
    }

    private final GradebookTable gradebook;
    private final Optional<Roster> roster;
    private final String assignment;
    private final Identity identity;

    /**
     * A Moodle export identifies students by email.
     *
     * @param gradebook  the graded class
     * @param roster     who is who, if known
     * @param assignment the assignment's column title
     */
    public LmsExport(GradebookTable gradebook, Optional<Roster> roster, String assignment) {
        this(gradebook, roster, assignment, Identity.EMAIL);
    }

    /**
     * @param gradebook  the graded class
     * @param roster     who is who, if known
     * @param assignment the assignment's column title, e.g. {@code "CNN exercises (12345)"} for an existing Canvas
     *                   assignment with id 12345
     * @param identity   the field Moodle's import matches students by (unused for Canvas)
     */
    public LmsExport(GradebookTable gradebook, Optional<Roster> roster, String assignment, Identity identity) {
        if (assignment.isBlank()) {
            throw new IllegalArgumentException("the assignment name must not be blank");
        }
        this.gradebook = gradebook;
        this.roster = roster;
        this.assignment = assignment;
        this.identity = identity;
    }

    /**
     * @param format the layout
     * @param out    the CSV file to write (UTF-8, comma separated, CRLF as both systems' own exports)
     * @return the rows written and what could not be placed
     * @throws IllegalArgumentException before writing anything, naming the rows, if a row would have a blank
     *                                  identifier or two rows the same one
     */
    public Outcome write(Format format, Path out) throws IOException {
        Map<String, Row> bySubmission = new LinkedHashMap<>();
        gradebook.rows().forEach(r -> bySubmission.put(r.submission(), r));
        List<Student> students = new ArrayList<>();
        List<String> notOnRoster = new ArrayList<>();
        List<String> withoutSubmission = new ArrayList<>();
        if (roster.isPresent()) {
            students.addAll(roster.get().students());
            for (String id : bySubmission.keySet()) {
                if (roster.get().student(id).isEmpty()) {
                    notOnRoster.add(id);
                }
            }
            students.stream()
                    .map(Student::id)
                    .filter(id -> !bySubmission.containsKey(id))
                    .forEach(withoutSubmission::add);
        } else {
            if (format == Format.MOODLE && identity != Identity.USERNAME) {
                throw new IllegalArgumentException("without --roster there is no " + identity.rosterColumn()
                        + " to identify students by in Moodle: give --roster, or --identify-by username to use each "
                        + "submission id as the Moodle username");
            }
            bySubmission
                    .keySet()
                    .forEach(id -> students.add(
                            new Student(id, id, "", format == Format.MOODLE ? Map.of("username", id) : Map.of())));
        }
        List<String> warnings = checkIdentifiers(format, students);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            if (format == Format.CANVAS) {
                canvas(csv, students, bySubmission);
            } else {
                moodle(csv, students, bySubmission);
            }
        }
        return new Outcome(students.size(), notOnRoster, withoutSubmission, warnings);
    }

    /**
     * @return warnings (blank emails in a Moodle export by username or ID number)
     * @throws IllegalArgumentException naming the roster ids of rows whose identifier is blank or taken twice
     */
    private List<String> checkIdentifiers(Format format, List<Student> students) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        List<String> blank = new ArrayList<>();
        List<String> noEmail = new ArrayList<>();
        for (Student s : students) {
            String key = identifier(format, s);
            if (key.isBlank()) {
                blank.add(s.id());
            } else {
                byKey.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(s.id());
            }
            if (format == Format.MOODLE && s.email().isBlank() && roster.isPresent()) {
                noEmail.add(s.id());
            }
        }
        String what =
                format == Format.CANVAS ? "canvas_id, sis_user_id, sis_login_id or email" : identity.rosterColumn();
        List<String> problems = new ArrayList<>();
        if (!blank.isEmpty()) {
            problems.add("no " + what + " for " + String.join(", ", blank));
        }
        byKey.forEach((key, ids) -> {
            if (ids.size() > 1) {
                problems.add(String.join(" and ", ids) + " share " + what + " '" + key + "'");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(format.name().toLowerCase(Locale.ROOT) + " export identifies students "
                    + "by " + what + ": " + String.join("; ", problems) + " (fix the roster; nothing was written)");
        }
        return noEmail.isEmpty()
                ? List.of()
                : List.of("blank email (the Moodle row has no email address): " + String.join(", ", noEmail));
    }

    /** @return the value the LMS matches this row by ("" if none) */
    private String identifier(Format format, Student s) {
        if (format == Format.CANVAS) {
            return s.get("canvas_id")
                    .or(() -> s.get("sis_user_id"))
                    .or(() -> s.get("sis_login_id"))
                    .orElse(roster.isEmpty() ? s.id() : s.email());
        }
        return identity == Identity.EMAIL
                ? s.email()
                : s.get(identity.rosterColumn()).orElse("");
    }

    private void canvas(CSVPrinter csv, List<Student> students, Map<String, Row> rows) throws IOException {
        List<String> header = new ArrayList<>(CANVAS_COLUMNS);
        header.add(assignment);
        csv.printRecord(header);
        csv.printRecord("Points Possible", "", "", "", "", gradebook.pointsPossible());
        boolean noRoster = roster.isEmpty();
        for (Student s : students) {
            String login = s.get("sis_login_id").orElse(noRoster ? s.id() : s.email());
            csv.printRecord(
                    s.name(),
                    s.get("canvas_id").orElse(""),
                    s.get("sis_user_id").orElse(""),
                    login,
                    s.get("section").orElse(""),
                    score(rows.get(s.id())));
        }
    }

    private void moodle(CSVPrinter csv, List<Student> students, Map<String, Row> rows) throws IOException {
        List<String> header = new ArrayList<>(MOODLE_COLUMNS);
        header.add(assignment);
        header.add("Feedback");
        csv.printRecord(header);
        for (Student s : students) {
            Row r = rows.get(s.id());
            csv.printRecord(
                    s.name(),
                    s.email(),
                    s.get("username").orElse(""),
                    s.get("idnumber").orElse(""),
                    score(r),
                    feedback(r));
        }
    }

    private static String score(Row r) {
        return r == null ? "" : r.score();
    }

    /**
     * @return e.g. "graded: 72.5/80. Convolution 10, Relu 10, ..." (Part 2: "ConvolutionBackward 20, ...", the
     *     gradebook's units), empty without a submission
     */
    static String feedback(Row r) {
        if (r == null) {
            return "";
        }
        StringJoiner steps = new StringJoiner(", ");
        r.units().forEach((unit, points) -> steps.add(unit + " " + points));
        return String.format(Locale.ROOT, "%s: %s/%s. %s", r.status(), r.score(), r.maxScore(), steps);
    }
}
