package cnnkit.grader.cli;

import cnnkit.grader.course.GradescopeAutograder;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gradescope --out autograder.zip}: the autograder zip to upload to a Gradescope programming assignment. */
@Command(
        name = "gradescope",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a Gradescope autograder zip: setup.sh (installs a JDK 17), run_autograder (grades "
                    + "/autograder/submission with the hidden checks) and this grader jar.",
            "Run it from the kit jar (./cnnkit gradescope ... or java -jar grader/target/cnn-grader.jar gradescope ...)."
        })
public final class GradescopeCommand implements Callable<Integer> {
    @Option(
            names = "--out",
            paramLabel = "FILE",
            defaultValue = "autograder.zip",
            description = "the zip to write (default: ${DEFAULT-VALUE})")
    Path out;

    @Mixin
    PresentationOptions shown = new PresentationOptions();

    @Option(
            names = "--jar",
            paramLabel = "FILE",
            description = "the grader jar to ship (default: the jar this command runs from)")
    Path jar;

    @Option(
            names = "--time-limit",
            paramLabel = "SECONDS",
            defaultValue = "" + GradescopeAutograder.TIME_LIMIT_SECONDS,
            description = "seconds one run may take before run_autograder stops the grader and reports it in "
                    + "results.json; keep it a minute below the assignment's Gradescope timeout (default: ${DEFAULT-VALUE}, "
                    + "for Gradescope's default of 600)")
    int timeLimit;

    @Option(
            names = "--assignment",
            paramLabel = "NAME",
            defaultValue = "forward",
            description = "forward (Part 1, the default) or backprop (Part 2: the backward passes and training)")
    String assignmentName;

    @Option(names = "--force", description = "replace --out if it exists")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Inputs.writable(spec, "--out", out, force);
        cnnkit.grader.common.Assignment assignment = cnnkit.grader.common.Assignment.byId(assignmentName)
                .orElseThrow(() -> Inputs.misuse(
                        spec,
                        "--assignment " + assignmentName + " is none of " + cnnkit.grader.common.Assignment.ids()));
        Optional<Path> shipped = jar != null ? Optional.of(jar) : GradescopeAutograder.runningJar();
        if (shipped.isEmpty()) {
            System.err.println("gradescope: not running from the kit jar, so there is no jar to put in the zip. Build "
                    + "it with `mvn -B -DskipTests package` and run `./cnnkit gradescope --out autograder.zip` (or "
                    + "`java -jar grader/target/cnn-grader.jar gradescope ...`), or name a jar with --jar FILE.");
            return 2;
        }
        try {
            new GradescopeAutograder(shown.visibility, shown.stepOutput, timeLimit, assignment)
                    .writeZip(out, shipped.get());
        } catch (IllegalArgumentException e) {
            System.err.println("gradescope: " + e.getMessage());
            return 2;
        }
        System.out.println("gradescope: wrote " + out + " (setup.sh, run_autograder, " + GradescopeAutograder.JAR
                + "; assignment " + assignment.id() + ", results " + shown.visibility + ", step output "
                + (shown.stepOutput ? "shown" : "hidden")
                + ", time limit " + timeLimit + " s)");
        System.out.println(
                "  upload it under the assignment's Configure Autograder > Zip file upload (Ubuntu base image)");
        return 0;
    }
}
