package cnnkit.grader.cli;

import cnnkit.grader.report.ResultsJson;
import picocli.CommandLine.Option;

/**
 * What students see of the hidden checks on Gradescope: shared by {@code grade} (writes results.json) and
 * {@code gradescope} (bakes them into run_autograder, which passes them to {@code grade}).
 */
public final class PresentationOptions {
    @Option(
            names = "--visibility",
            paramLabel = "WHEN",
            defaultValue = "visible",
            description =
                    "Gradescope visibility of the results and of each hidden check: visible, after_due_date, "
                            + "hidden, after_published; unless visible, the results' top shows no score (default: ${DEFAULT-VALUE})")
    String visibility;

    @Option(
            names = "--step-output",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "show each failed check's input, expected, actual and hint; --no-step-output shows the "
                    + "points only (default: shown)")
    boolean stepOutput;

    /**
     * @return the options as results.json applies them
     * @throws IllegalArgumentException if the visibility is not one Gradescope knows
     */
    public ResultsJson.Presentation presentation() {
        return new ResultsJson.Presentation(visibility, stepOutput);
    }
}
