package cnnkit.grader.score;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.common.CheckId;
import cnnkit.grader.common.CsvErrors;
import cnnkit.grader.run.CheckResult;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * How many points each hidden check is worth: a CSV with the columns {@code check_id,step,points} (lines starting
 * with {@code #} are comments). The default, {@code cnnkit/rubric.csv}, gives each step its share of 100 and
 * splits it over the step's checks; an instructor may pass a file of their own. A step's score is the sum of
 * its passed checks' points (partial credit within a step).
 *
 * <pre>
 *   Rubric rubric = Rubric.defaults();                // or Rubric.load(Path.of("my-rubric.csv"))
 *   rubric.validate(HiddenTestRunner.discover(loader, List.of(Step.values())).keySet());
 *   Map&lt;Step, Double&gt; earned = rubric.earned(results);
 * </pre>
 */
public final class Rubric {
    /** The default rubric's resource path. */
    public static final String RESOURCE = "/cnnkit/rubric.csv";
    /** What every rubric's points add up to. */
    public static final double TOTAL = 100;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setCommentMarker('#')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private final String source;
    private final Assignment assignment;
    private final Map<String, Double> points;
    private final Map<Step, Double> stepTotals;

    private Rubric(String source, Assignment assignment, Map<String, Double> points, Map<Step, Double> stepTotals) {
        this.source = source;
        this.assignment = assignment;
        this.points = points;
        this.stepTotals = stepTotals;
    }

    /** @return the rubric shipped with the grader for Part 1 */
    public static Rubric defaults() {
        return defaults(Assignment.FORWARD);
    }

    /** @return the rubric shipped with the grader for an assignment */
    public static Rubric defaults(Assignment assignment) {
        String resource = assignment.rubricResource();
        InputStream in = Rubric.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("default rubric missing from the grader: " + resource);
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(
                    r,
                    assignment == Assignment.FORWARD
                            ? "the default rubric"
                            : "the default " + assignment.id() + " rubric");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param file an instructor's rubric CSV
     * @return the rubric
     * @throws IllegalArgumentException if the file is malformed (the message names the line)
     * @throws UncheckedIOException     if it cannot be read
     */
    public static Rubric load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rubric " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param csv    rubric CSV text
     * @param source where it comes from, for error messages
     * @return the rubric
     * @throws IllegalArgumentException on a missing column, an unknown step, a check id not of the form
     *                                  {@code <Step>.<method>} of its step, bad or negative points, a duplicate
     *                                  check, or points that do not add up to {@value #TOTAL}
     */
    public static Rubric parse(Reader csv, String source) throws IOException {
        try {
            return read(csv, source);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(source + ": " + CsvErrors.describe(e));
        }
    }

    private static Rubric read(Reader csv, String source) throws IOException {
        Map<String, Double> points = new LinkedHashMap<>();
        Map<Step, Double> totals = new EnumMap<>(Step.class);
        Assignment assignment = null;
        try (CSVParser parser = FORMAT.parse(csv)) {
            for (String column : new String[] {"check_id", "step", "points"}) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IllegalArgumentException(
                            source + ": missing column '" + column + "' (expected header check_id,step,points)");
                }
            }
            for (CSVRecord r : parser) {
                String where = source + " line " + parser.getCurrentLineNumber();
                String id = r.get("check_id");
                String stepName = r.get("step");
                Assignment.Slot slot = Assignment.slotOf(stepName)
                        .orElseThrow(() -> new IllegalArgumentException(where + ": unknown step '" + stepName
                                + "' (one of " + Step.names() + "; for Part 2 one of "
                                + String.join(", ", Assignment.BACKPROP.units()) + ")"));
                if (assignment != null && slot.assignment() != assignment) {
                    throw new IllegalArgumentException(where + ": step '" + stepName + "' is of the "
                            + slot.assignment().id() + " assignment, the rows above of " + assignment.id()
                            + ": a rubric scores one assignment");
                }
                assignment = slot.assignment();
                Step step = slot.step();
                if (CheckId.parse(id)
                        .filter(c -> c.step() == step && c.assignment() == slot.assignment())
                        .isEmpty()) {
                    throw new IllegalArgumentException(where + ": check '" + id + "' should be " + stepName
                            + ".<check>, as it belongs to step " + stepName);
                }
                double p = number(r.get("points"), where);
                if (points.put(id, p) != null) {
                    throw new IllegalArgumentException(where + ": check '" + id + "' appears twice");
                }
                totals.merge(step, p, Double::sum);
            }
        }
        double sum = points.values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - TOTAL) > 1e-6) {
            throw new IllegalArgumentException(
                    source + ": the points add up to " + sum + ", not " + TOTAL + " (per step: " + totals + ")");
        }
        for (Step s : Step.values()) {
            totals.putIfAbsent(s, 0.0);
        }
        return new Rubric(
                source,
                assignment == null ? Assignment.FORWARD : assignment,
                Collections.unmodifiableMap(points),
                Collections.unmodifiableMap(totals));
    }

    private static double number(String text, String where) {
        double p;
        try {
            p = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": points '" + text + "' is not a number");
        }
        if (!(p >= 0) || Double.isInfinite(p)) {
            throw new IllegalArgumentException(where + ": points must be 0 or more, was " + text);
        }
        return p;
    }

    /**
     * Checks that the rubric scores exactly the hidden checks that exist: a misspelt id would add a check that
     * everyone fails, and a check left out would silently be worth nothing. (A check meant to count for nothing
     * is listed with 0 points.)
     *
     * @param knownChecks the ids of the hidden checks (e.g. from {@code HiddenTestRunner.discover})
     * @throws IllegalArgumentException in one line naming each rubric row for no check, with the nearest known
     *                                  id ("did you mean ..."), and each check without points
     */
    public void validate(Collection<String> knownChecks) {
        Set<String> unknown = new TreeSet<>(points.keySet());
        unknown.removeAll(knownChecks);
        Set<String> missing = new TreeSet<>(knownChecks);
        missing.removeAll(points.keySet());
        if (unknown.isEmpty() && missing.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (String id : unknown) {
            problems.add("no hidden check '" + id + "'"
                    + Nearest.among(id, missing.isEmpty() ? knownChecks : missing)
                            .map(n -> " (did you mean '" + n + "'?)")
                            .orElse(""));
        }
        if (!missing.isEmpty()) {
            problems.add("no points for " + String.join(", ", missing) + " (give it a row, with 0 points if it "
                    + "should not count)");
        }
        throw new IllegalArgumentException(
                source + " does not match the hidden checks: " + String.join("; ", problems));
    }

    /** @return the points of a check */
    public double points(String checkId) {
        Double p = points.get(checkId);
        if (p == null) {
            throw new IllegalArgumentException(source + " has no points for check '" + checkId + "'");
        }
        return p;
    }

    /** @return the assignment whose checks this rubric scores (Part 1 for a rubric without rows) */
    public Assignment assignment() {
        return assignment;
    }

    /** @return the points a step is worth (0 if the rubric gives it none) */
    public double stepTotal(Step step) {
        return stepTotals.get(step);
    }

    /** @return the highest possible score, {@value #TOTAL} */
    public double maxScore() {
        return TOTAL;
    }

    /** @return check id to points, in file order */
    public Map<String, Double> checks() {
        return points;
    }

    /**
     * @param results one result per check (a check without a result earns nothing)
     * @return points earned per step, every step present
     */
    public Map<Step, Double> earned(Collection<CheckResult> results) {
        // One way to score: the grader's own Scorer (no stubbed steps here).
        Map<Step, Double> earned = new EnumMap<>(Step.class);
        Scorer.score(this, List.copyOf(results), Map.of(), Map.of())
                .steps()
                .forEach(s -> earned.put(s.step(), s.earned()));
        return earned;
    }

    @Override
    public String toString() {
        return "Rubric(" + source + ", " + points.size() + " checks)";
    }
}
