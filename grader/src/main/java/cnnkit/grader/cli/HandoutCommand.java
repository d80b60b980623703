package cnnkit.grader.cli;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.course.CoursePoints;
import cnnkit.grader.course.Handout;
import cnnkit.grader.score.Rubric;
import cnnkit.lecture.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code handout --out DIR | --zip FILE}: the standalone Maven project students start from. */
@Command(
        name = "handout",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the student handout: a standalone Maven project with the exercise stubs, the public "
                    + "tests, the lecture data, a README and a GitHub Classroom workflow (one test per step; with "
                    + "--assignment backprop, one per Part 2 unit).",
            "It holds no solution and no hidden test."
        })
public final class HandoutCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "write the project into this (new or empty) folder")
    Path out;

    @Option(names = "--zip", paramLabel = "FILE", description = "write it as a zip (top folder cnn-exercises/)")
    Path zip;

    @Option(
            names = "--rubric",
            paramLabel = "FILE",
            description = "the rubric whose step totals the README and the Classroom workflow show, of the "
                    + "--assignment (default: the kit's)")
    Path rubric;

    @Option(
            names = "--assignment",
            paramLabel = "NAME",
            defaultValue = "forward",
            description = "the part the GitHub Classroom workflow grades: forward (Part 1, one test per step, the "
                    + "default) or backprop (Part 2, one test per backward pass and one for Training)")
    String assignmentName;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (out == null && zip == null) {
            System.err.println("handout: give --out DIR and/or --zip FILE");
            return 2;
        }
        Assignment assignment = Assignment.byId(assignmentName)
                .orElseThrow(() ->
                        Inputs.misuse(spec, "--assignment " + assignmentName + " is none of " + Assignment.ids()));
        try {
            Rubric points = rubric == null ? Rubric.defaults(assignment) : Rubric.load(rubric);
            if (points.assignment() != assignment) {
                throw new IllegalArgumentException("--rubric " + rubric + " scores the "
                        + points.assignment().id()
                        + " assignment, not " + assignment.id() + " (give --assignment "
                        + points.assignment().id()
                        + ")");
            }
            Map<Step, String> part1 = CoursePoints.perStep(
                    assignment == Assignment.FORWARD ? points : Rubric.defaults(Assignment.FORWARD));
            Map<Step, String> part2 = CoursePoints.perStep(
                    assignment == Assignment.BACKPROP ? points : Rubric.defaults(Assignment.BACKPROP));
            Handout handout = new Handout(part1, part2, assignment);
            if (out != null) {
                List<Path> files = handout.writeTo(out);
                System.out.println("handout: " + files.size() + " files in " + out);
                System.out.println("  try it: cd " + out + " && mvn test   (every step fails as not implemented yet)");
            }
            if (zip != null) {
                handout.writeZip(zip);
                System.out.println("handout: " + zip + " (top folder " + Handout.TOP_FOLDER + "/)");
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("handout: " + e.getMessage());
            return 2;
        }
        return 0;
    }
}
