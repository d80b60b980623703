package cnnkit.walkthrough.cli;

import cnnkit.lecture.Limits;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --timeout}, shared by the learners' commands that call into the learner's code: one call's time limit. */
final class CallTimeout {
    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "time limit for each call into your code (default: ${DEFAULT-VALUE})")
    double seconds = Limits.DEFAULT.walkthrough().toSeconds();

    /** @return what is wrong with the option, in one line, or null */
    String misuse() {
        return seconds > 0 ? null : "--timeout must be more than 0";
    }

    /** @return the limit */
    Duration limit() {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
