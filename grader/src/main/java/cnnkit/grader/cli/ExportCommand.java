package cnnkit.grader.cli;

import cnnkit.grader.course.GradebookTable;
import cnnkit.grader.course.LmsExport;
import cnnkit.grader.course.Roster;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code export --format canvas|moodle}: the gradebook as a CSV the LMS imports, Part 1's or Part 2's (told by its
 * header); each part's default column title is its own, so importing both gives two assignments, not one overwritten.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a graded class's gradebook.csv as the CSV a learning-management system imports.",
            "canvas: Student,ID,SIS User ID,SIS Login ID,Section,<assignment> with a Points Possible row.",
            "moodle: Full name,Email address,Username,ID number,<assignment>,Feedback."
        })
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--format", required = true, paramLabel = "LMS", description = "canvas or moodle")
    String format;

    @Option(
            names = "--gradebook",
            required = true,
            paramLabel = "FILE",
            description = "the gradebook.csv written by grade")
    Path gradebook;

    @Option(
            names = "--roster",
            paramLabel = "FILE",
            description = "id,name,email CSV mapping submission ids to "
                    + "students (optional columns: canvas_id, sis_user_id, sis_login_id, section, username, idnumber)")
    Path roster;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the CSV to write")
    Path out;

    @Option(
            names = "--assignment",
            paramLabel = "NAME",
            description = "the assignment column's title (default: \"" + LmsExport.PART_1_TITLE + "\" for Part 1's "
                    + "gradebook, \"" + LmsExport.PART_2_TITLE + "\" for Part 2's); for an existing Canvas "
                    + "assignment use its exact title with its id, e.g. \"CNN exercises (12345)\"")
    String assignment;

    @Option(
            names = "--identify-by",
            paramLabel = "FIELD",
            defaultValue = "email",
            description = "Moodle: the roster column the import's \"Identify user by\" matches: email, username or "
                    + "idnumber (default: ${DEFAULT-VALUE}); every roster row needs it, unique")
    String identifyBy;

    @Option(names = "--force", description = "replace --out if it exists")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Inputs.readable(spec, "--gradebook", gradebook);
        if (roster != null) {
            Inputs.readable(spec, "--roster", roster);
        }
        Inputs.writable(spec, "--out", out, force);
        try {
            LmsExport.Format lms = LmsExport.Format.of(format);
            LmsExport.Identity identity = LmsExport.Identity.of(identifyBy);
            Optional<Roster> students = roster == null ? Optional.empty() : Optional.of(Roster.load(roster));
            GradebookTable table = GradebookTable.load(gradebook);
            String title = assignment != null ? assignment : LmsExport.defaultTitle(table.assignment());
            LmsExport.Outcome outcome = new LmsExport(table, students, title, identity).write(lms, out);
            outcome.warnings().forEach(w -> System.err.println("export: warning: " + w));
            System.out.println("export: " + outcome.rows() + " students to " + out + " (" + format + ")");
            if (!outcome.notOnRoster().isEmpty()) {
                System.err.println("export: not on the roster, left out: " + String.join(", ", outcome.notOnRoster()));
            }
            if (!outcome.withoutSubmission().isEmpty()) {
                System.err.println(
                        "export: no submission (grade left blank): " + String.join(", ", outcome.withoutSubmission()));
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("export: " + e.getMessage());
            return 2;
        }
    }
}
