package cnnkit.grader.cli;

import cnnkit.grader.course.CoursePoints;
import cnnkit.grader.course.Handout;
import cnnkit.grader.score.Rubric;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code handout --out DIR | --zip FILE}: the standalone Maven project students start from. */
@Command(
        name = "handout",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the student handout: a standalone Maven project with the exercise stubs, the public "
                    + "tests, the lecture data, a README and a GitHub Classroom workflow (one test per step).",
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
            description =
                    "the rubric whose step totals the README and the Classroom workflow show (default: the " + "kit's)")
    Path rubric;

    @Override
    public Integer call() throws Exception {
        if (out == null && zip == null) {
            System.err.println("handout: give --out DIR and/or --zip FILE");
            return 2;
        }
        try {
            Rubric points = rubric == null ? Rubric.defaults() : Rubric.load(rubric);
            Handout handout = new Handout(CoursePoints.perStep(points));
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
