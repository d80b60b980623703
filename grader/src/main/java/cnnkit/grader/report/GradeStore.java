package cnnkit.grader.report;

import cnnkit.grader.run.CheckResult;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.Rubric;
import cnnkit.grader.score.ScoredCheck;
import cnnkit.grader.score.Scorer;
import cnnkit.grader.score.StepScore;
import cnnkit.lecture.Step;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code <id>/grade.json}: everything the grader found about one submission (each check's result, why a step was
 * replaced by its stub, notes, output), stored beside its reports so that a later run can rebuild the class's
 * gradebook and summary without running the student's code again:
 *
 * <ul>
 *   <li>a partial regrade into the same {@code --out} keeps the submissions it did not grade now;</li>
 *   <li>{@code grade --rescore --rubric NEW} recomputes every score from the stored results.</li>
 * </ul>
 *
 * <pre>
 *   GradeStore.write(out.resolve(id), grade);
 *   Map&lt;String, Grade&gt; earlier = GradeStore.readAll(out);      // id to grade, sorted by id
 *   Grade again = GradeStore.rescore(earlier.get("ada"), newRubric);
 * </pre>
 */
public final class GradeStore {
    /** The file's name in a submission's folder. */
    public static final String FILE = "grade.json";

    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .serializeSpecialFloatingPointValues()
            .create();

    private GradeStore() {}

    /**
     * @param folder the submission's report folder
     * @param grade  its grade
     * @throws IOException if the file cannot be written
     */
    public static void write(Path folder, Grade grade) throws IOException {
        Files.writeString(folder.resolve(FILE), GSON.toJson(grade) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * @param folder a submission's report folder
     * @return its stored grade, or empty if it has none or it cannot be read (e.g. written by another version)
     */
    public static Optional<Grade> read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Grade g = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Grade.class);
            return g == null || g.id() == null || g.steps().size() != Step.values().length
                    ? Optional.empty()
                    : Optional.of(g);
        } catch (IOException | RuntimeException e) { // JsonParseException among them
            return Optional.empty();
        }
    }

    /**
     * @param out a grading output folder
     * @return every stored grade in its child folders, by id (sorted); a grade stored under a folder of another
     *         name is skipped
     * @throws IOException if the folder cannot be listed
     */
    public static Map<String, Grade> readAll(Path out) throws IOException {
        Map<String, Grade> grades = new java.util.TreeMap<>();
        if (!Files.isDirectory(out)) {
            return grades;
        }
        try (Stream<Path> children = Files.list(out)) {
            for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                read(child)
                        .filter(g -> g.id().equals(child.getFileName().toString()))
                        .ifPresent(g -> grades.put(g.id(), g));
            }
        }
        return grades;
    }

    /**
     * Scores a stored grade again with another rubric: the same results, the same stubbed steps, new points. The
     * result equals what grading the submission again with that rubric would give (apart from the time taken).
     *
     * @param grade  a stored grade
     * @param rubric the rubric to score with (validated against the hidden checks by the caller)
     * @return the grade with the rubric's points
     */
    public static Grade rescore(Grade grade, Rubric rubric) {
        List<CheckResult> results = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (ScoredCheck c : grade.checks()) {
            results.add(c.result());
            names.put(c.result().checkId(), c.result().displayName());
        }
        Map<Step, List<String>> stubbed = new EnumMap<>(Step.class);
        for (StepScore s : grade.steps()) {
            if (!s.stubbed().isEmpty()) {
                stubbed.put(s.step(), s.stubbed());
            }
        }
        Scorer.Scored scored = Scorer.score(rubric, results, stubbed, names);
        return new Grade(
                grade.id(),
                grade.status(),
                grade.reason(),
                scored.steps(),
                scored.checks(),
                grade.ignored(),
                grade.notes(),
                grade.output(),
                grade.seconds(),
                grade.sourceDigest());
    }
}
