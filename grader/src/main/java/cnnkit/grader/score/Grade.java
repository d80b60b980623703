package cnnkit.grader.score;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.common.CheckId;
import cnnkit.grader.common.StudentText;
import cnnkit.lecture.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything known about one graded submission: what the reports are written from.
 *
 * @param id        the submission id
 * @param status    the gradebook status
 * @param reason    why the status is not {@code graded}, for the feedback; empty when graded
 * @param steps     one score per step, in lecture order
 * @param checks    every check with its points, in step order
 * @param ignored   files found but not graded (at most {@link #MAX_LINES}, each capped)
 * @param notes     other remarks (helpers left out, worker incidents; at most {@link #MAX_LINES}, each capped)
 * @param output    what the student's code printed while tested (capped at {@link #MAX_OUTPUT})
 *
 * @param seconds   time the grading of this submission took (the only timing field)
 * @param sourceDigest the graded sources' {@link cnnkit.grader.collect.SourceDigest} (64 hex digits), or "" if
 *                  none was collected; a grade stored by an older grader reads as ""
 */
public record Grade(
        String id,
        GradeStatus status,
        String reason,
        List<StepScore> steps,
        List<ScoredCheck> checks,
        List<String> ignored,
        List<String> notes,
        String output,
        double seconds,
        String sourceDigest) {
    /** Most lines of {@code ignored} and of {@code notes} kept; the rest is counted in one last line. */
    public static final int MAX_LINES = 100;
    /** Most characters of {@code output} kept. */
    public static final int MAX_OUTPUT = 64 * 1024;

    /** Bounded here, whatever the submission held: a grade is kept in memory until the gradebook is written. */
    public Grade {
        steps = List.copyOf(steps);
        checks = List.copyOf(checks);
        ignored = bounded(ignored, "file(s) or folder(s)");
        notes = bounded(notes, "note(s)");
        output = StudentText.cap(output, MAX_OUTPUT);
        reason = StudentText.cap(reason);
        sourceDigest = sourceDigest == null ? "" : sourceDigest;
        if (!sourceDigest.isEmpty() && !sourceDigest.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a source digest is 64 lower-case hex digits or empty, not '"
                    + StudentText.line(StudentText.cap(sourceDigest, 80)) + "'");
        }
    }

    private static List<String> bounded(List<String> lines, String what) {
        List<String> kept = new ArrayList<>();
        for (String line : lines.subList(0, Math.min(lines.size(), MAX_LINES))) {
            kept.add(StudentText.cap(line));
        }
        if (lines.size() > MAX_LINES) {
            kept.add("… and " + (lines.size() - MAX_LINES) + " more " + what + " not listed");
        }
        return List.copyOf(kept);
    }

    /** @return the points earned over all steps */
    public double score() {
        return steps.stream().mapToDouble(StepScore::earned).sum();
    }

    /** @return the points available over all steps */
    public double maxScore() {
        return steps.stream().mapToDouble(StepScore::max).sum();
    }

    /**
     * @return the assignment graded, read from the checks' ids (each names its unit, {@link CheckId}); Part 1 for
     *     a grade without checks
     */
    public Assignment assignment() {
        return checks.stream()
                .flatMap(c -> CheckId.parse(c.result().checkId()).stream())
                .map(CheckId::assignment)
                .findFirst()
                .orElse(Assignment.FORWARD);
    }

    /** @return the scores of the assignment's units, in lecture order (Part 1: every step) */
    public List<StepScore> units() {
        Assignment a = assignment();
        return steps.stream().filter(s -> a.unit(s.step()).isPresent()).toList();
    }

    /** @return the score of one step */
    public StepScore step(Step step) {
        return steps.get(step.ordinal());
    }
}
