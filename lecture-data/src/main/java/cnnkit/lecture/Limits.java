package cnnkit.lecture;

import java.time.Duration;
import java.util.StringJoiner;

/**
 * Every time limit of the kit, in one place: the hidden checks ({@code Student}, the test runner), the grader's
 * workers and compiler ({@code ForkedRunner}, {@code JavacProcess}), its command line (defaults and {@code --help})
 * and the walkthrough read them from here. Nested from the smallest: a call inside a check, a check inside a
 * submission.
 *
 * <p>Why these sizes: a lecture-sized call takes microseconds and a hidden check a few milliseconds, so each limit
 * is a thousand times what honest code needs and still small enough that an endless loop costs one check seconds,
 * not a class minutes.
 *
 * @param call          one call into the student's code inside a hidden check (also inside a jqwik property)
 * @param check         one hidden check in the test JVM (JUnit Jupiter's timeout)
 * @param silence       the longest a worker JVM may stay silent while a check runs before it is stopped (it catches
 *                      what the in-JVM limits cannot: a loop that ignores interrupts)
 * @param submission    all checks of one submission, restarts included
 * @param compile       the compiler on one submission, all rounds together
 * @param startup       a fresh worker JVM's start, until its first frame
 * @param restarts      fresh workers started for one submission after a crash or a timeout
 * @param walkthrough   one call into the learner's code in the walkthrough (their own machine: more generous)
 * @param filter        one convolution of a whole picture in the walkthrough's filters command
 */
public record Limits(
        Duration call,
        Duration check,
        Duration silence,
        Duration submission,
        Duration compile,
        Duration startup,
        int restarts,
        Duration walkthrough,
        Duration filter) {
    /** The kit's limits: 2 s a call, 3 s a check, 10 s of silence, 120 s a submission, 60 s to compile, ... */
    public static final Limits DEFAULT = new Limits(
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            Duration.ofSeconds(10),
            Duration.ofSeconds(120),
            Duration.ofSeconds(60),
            Duration.ofSeconds(30),
            3,
            Duration.ofSeconds(10),
            Duration.ofSeconds(60));

    /**
     * @throws IllegalArgumentException if a duration is null or not positive, a call may outlast its check, a check
     *                                  its submission, or restarts are negative
     */
    public Limits {
        positive("call", call);
        positive("check", check);
        positive("silence", silence);
        positive("submission", submission);
        positive("compile", compile);
        positive("startup", startup);
        positive("walkthrough", walkthrough);
        positive("filter", filter);
        if (call.compareTo(check) > 0 || check.compareTo(submission) > 0) {
            throw new IllegalArgumentException("limits must nest (call ≤ check ≤ submission), not " + seconds(call)
                    + " / " + seconds(check) + " / " + seconds(submission));
        }
        if (restarts < 0) {
            throw new IllegalArgumentException("restarts must be 0 or more, not " + restarts);
        }
    }

    /** @return these limits with the command line's overrides (each in whole seconds) */
    public Limits with(Duration silence, Duration submission, Duration compile) {
        return new Limits(call, check, silence, submission, compile, startup, restarts, walkthrough, filter);
    }

    /** @return these limits with another worker start-up time and number of restarts (tests on a loaded machine) */
    public Limits withWorkers(Duration startup, int restarts) {
        return new Limits(call, check, silence, submission, compile, startup, restarts, walkthrough, filter);
    }

    /** @return e.g. "3 s": a duration as the kit's messages and --help state it */
    public static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** @return one line per limit, e.g. "  call       2 s    one call into the student's code ...", for --help */
    public String describe() {
        StringJoiner out = new StringJoiner("\n");
        out.add(line("call", seconds(call), "one call into the student's code in a hidden check"));
        out.add(line("check", seconds(check), "one hidden check"));
        out.add(line("silence", seconds(silence), "a worker JVM silent this long is stopped (--check-timeout)"));
        out.add(line("submission", seconds(submission), "all checks of one submission (--timeout)"));
        out.add(line("compile", seconds(compile), "the compiler on one submission (--compile-timeout)"));
        out.add(line("startup", seconds(startup), "a fresh worker JVM's start"));
        out.add(line("restarts", String.valueOf(restarts), "fresh workers per submission after a crash or a timeout"));
        return out.toString();
    }

    private static String line(String name, String value, String meaning) {
        return String.format("  %-11s%-7s%s", name, value, meaning);
    }

    private static void positive(String name, Duration limit) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the " + name + " limit must be positive, not " + limit);
        }
    }
}
