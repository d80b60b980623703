package cnnkit.grader.score;

import cnnkit.grader.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many points each hidden check is worth, read from a CSV with columns {@code check_id,step,points}.
 * (Placeholder of the agreed interface; the hidden-tests work owns the real one and the default rubric.)
 */
public final class Rubric {
    private static final String DEFAULT = "/cnnkit/rubric.csv";

    private final Map<String, Double> points;
    private final Map<Step, Double> stepPoints = new EnumMap<>(Step.class);

    private Rubric(Map<String, Double> points) {
        this.points = Collections.unmodifiableMap(points);
        points.forEach((id, p) -> stepPoints.merge(stepOf(id), p, Double::sum));
    }

    /** @return the rubric shipped with the grader */
    public static Rubric defaults() {
        try (InputStream in = Rubric.class.getResourceAsStream(DEFAULT)) {
            if (in == null) {
                return new Rubric(new LinkedHashMap<>());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param csv a rubric file
     * @return its rubric
     * @throws IllegalArgumentException if the file cannot be read or a row is malformed
     */
    public static Rubric load(Path csv) {
        try {
            return parse(Files.readAllLines(csv, StandardCharsets.UTF_8), csv.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read rubric " + csv + ": " + e.getMessage(), e);
        }
    }

    private static Rubric parse(List<String> lines, String source) {
        Map<String, Double> points = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != 3 || Step.byName(cells[1].strip()).isEmpty()) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected check_id,step,points");
            }
            try {
                points.put(cells[0].strip(), Double.parseDouble(cells[2].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": points is not a number");
            }
        }
        return new Rubric(points);
    }

    private static Step stepOf(String checkId) {
        int dot = checkId.indexOf('.');
        return Step.byName(dot < 0 ? checkId : checkId.substring(0, dot))
            .orElseThrow(() -> new IllegalArgumentException("no step for check " + checkId));
    }

    /** @return the points of a check, 0 if the rubric does not list it */
    public double points(String checkId) {
        return points.getOrDefault(checkId, 0.0);
    }

    /** @return the points of all checks of a step */
    public double stepPoints(Step step) {
        return stepPoints.getOrDefault(step, 0.0);
    }

    /** @return the points of the whole rubric */
    public double total() {
        return points.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** @return the check ids listed, in file order */
    public Set<String> checkIds() {
        return points.keySet();
    }
}
