package cnnkit.grader.cli;

import picocli.CommandLine.Option;

/**
 * What students see of the hidden checks on Gradescope: the options {@code grade} (for its results.json) and
 * {@code gradescope} (for the autograder it writes) share, mixed into both with picocli's {@code @Mixin}.
 */
final class PresentationOptions {
    @Option(names = "--visibility", paramLabel = "WHEN", defaultValue = "visible",
        description = "when students see the hidden checks on Gradescope: visible, after_due_date, hidden, "
            + "after_published (default: ${DEFAULT-VALUE})")
    String visibility;

    @Option(names = "--step-output", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "show each failed check's input, expected, actual and hint to students; --no-step-output "
            + "shows the points only (default: shown)")
    boolean stepOutput;
}
