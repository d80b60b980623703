package cnnkit.hidden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.report.HintSource;
import cnnkit.grader.report.MisconceptionTally;
import cnnkit.grader.report.Summary;
import cnnkit.grader.run.CheckResult;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.GradeStatus;
import cnnkit.grader.score.Rubric;
import cnnkit.grader.score.Scorer;
import cnnkit.grader.testing.Mutant;
import cnnkit.grader.testing.Submissions;
import cnnkit.hidden.support.Misconceptions;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The strength of the hidden tests, measured on known mistakes: every misconception of the catalogue is also a
 * mutant of the solutions: {@code src/test/resources/mutants/<id>.mutant} holds the few lines of the solution's step
 * file that make the mistake ({@link Mutant}); they are applied to the current solution at test time, and the other
 * steps stay the solutions'. Each must lose points in its own step only, and at least one failed check must name the
 * misconception so the student gets its hint.
 */
@DisplayName("The hidden tests on the catalogue's mutants")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MutantsTest {
    private static final Rubric RUBRIC = Rubric.defaults();
    /** Each mutant's check results ("" for the reference), kept for the class of 200 below. */
    private static final Map<String, List<CheckResult>> RESULTS = new ConcurrentHashMap<>();
    /**
     * The backward mistakes that keep the network from learning at all, so that Training (built on every step)
     * loses points too: a weight gradient of the wrong shape cannot update the weights, and a ReLU gradient chosen by
     * its own sign does not lower the loss. Training's other checks compose the student's own steps, so every other
     * backward mistake costs its own unit only.
     */
    private static final java.util.Set<String> STOPS_LEARNING =
            java.util.Set.of("relu-gradient-from-its-sign", "weight-gradient-transposed");

    static Stream<String> mutants() {
        return Mutant.ids().stream();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Assignment.class)
    @DisplayName("the reference solutions score 100 in each assignment, every unit in full")
    void solutionsScoreFull(Assignment assignment) {
        Rubric rubric = Rubric.defaults(assignment);
        Map<Step, Double> earned = rubric.earned(Submissions.runHidden(Submissions.compiledSolutions(), assignment));
        for (Step step : Step.values()) {
            assertThat(earned.get(step)).as(step.className()).isCloseTo(rubric.stepTotal(step), within(1e-9));
        }
        assertThat(earned.values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(100.0, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Assignment.class)
    @DisplayName("the exercise stubs score 0 in each assignment")
    void stubsScoreZero(Assignment assignment) {
        Map<Step, Double> earned =
                Rubric.defaults(assignment).earned(Submissions.runHidden(Submissions.compiledStubs(), assignment));
        assertThat(earned.values()).allMatch(p -> p == 0.0);
    }

    @Test
    @DisplayName("a correct submission written differently from the solutions scores 100")
    void alternativeCorrectSubmissionScoresFull() {
        Path classes = Submissions.compileFolder(
                Path.of("src/test/resources/submissions/correct-alternative"),
                Submissions.freshFolder("correct-alternative"));
        List<CheckResult> results = Submissions.runHidden(classes);
        assertThat(results).as(failures(results)).allMatch(CheckResult::passed);
    }

    @Test
    @Order(2)
    @DisplayName(
            "in a class of 200 copies of Part 1's mutants and correct code, the summary counts each mistake as often "
                    + "as it was planted")
    void summaryCountsEqualPlantedMistakes() {
        List<String> ids = Mutant.ids().stream()
                .filter(id ->
                        Assignment.slotOf(Mutant.load(id).unit()).orElseThrow().assignment() == Assignment.FORWARD)
                .toList();
        Map<String, Integer> planted = new TreeMap<>();
        List<Grade> grades = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // mutant k is handed in k % 3 + 1 times (in the first three rounds); the rest of the class is correct
            int k = i % ids.size();
            String id = i / ids.size() <= Math.min(2, k % 3) ? ids.get(k) : null;
            List<CheckResult> results = id == null
                    ? RESULTS.computeIfAbsent("", r -> Submissions.runHidden(Submissions.compiledSolutions()))
                    : RESULTS.computeIfAbsent(
                            id,
                            m -> Submissions.runHidden(build(m, Mutant.load(m).step())));
            if (id != null) {
                planted.merge(id, 1, Integer::sum);
            }
            Scorer.Scored scored = Scorer.score(RUBRIC, results, Map.of(), Map.of());
            grades.add(new Grade(
                    String.format(Locale.ROOT, "s%03d", i),
                    GradeStatus.GRADED,
                    "",
                    scored.steps(),
                    scored.checks(),
                    List.of(),
                    List.of(),
                    "",
                    0,
                    ""));
        }
        Map<String, Integer> counted = new TreeMap<>();
        MisconceptionTally.counts(grades).forEach(c -> counted.put(c.id(), c.submissions()));
        assertThat(counted).isEqualTo(planted);
        String summary = Summary.console(grades, HintSource.catalogue());
        MisconceptionTally.counts(grades).stream()
                .limit(3)
                .forEach(c -> assertThat(summary).contains("**" + c.submissions() + " of 200**: `" + c.id() + "`"));
    }

    @Test
    @DisplayName("every catalogue entry has a mutant and every mutant is a catalogue entry of its step")
    void everyMisconceptionHasAMutant() {
        Misconceptions catalogue = Misconceptions.load();
        List<String> ids = catalogue.all().stream()
                .map(Misconceptions.Misconception::id)
                .sorted()
                .toList();
        assertThat(Mutant.ids()).isEqualTo(ids);
        for (Misconceptions.Misconception m : catalogue.all()) {
            assertThat(Mutant.load(m.id()).unit()).as(m.id()).isEqualTo(m.step());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    @DisplayName("a mutant's find texts each stand exactly once in the current solution file")
    void mutantStillFitsTheSolution(String id) {
        Mutant mutant = Mutant.load(id);
        Path source = mutant.writeSource(Submissions.freshFolder("mutant-sources/" + id));
        assertThat(source).content().isNotEqualTo(readSolution(mutant.sourceFile()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    @Order(1)
    @DisplayName("a mutant loses points in its own step only, and a failed check names its misconception")
    void mutantIsCaughtInItsStepWithItsHint(String id) {
        Misconceptions.Misconception m = Misconceptions.load().byId(id).orElseThrow();
        Assignment.Slot slot = Assignment.slotOf(m.step()).orElseThrow();
        Step step = slot.step();
        Rubric rubric = Rubric.defaults(slot.assignment());
        Path classes = build(id, step);
        List<CheckResult> results = Submissions.runHidden(classes, slot.assignment());
        if (slot.assignment() == Assignment.FORWARD) {
            RESULTS.put(id, results);
        }
        Map<Step, Double> earned = rubric.earned(results);

        for (Step other : Step.values()) {
            boolean trainingMayLose = slot.assignment() == Assignment.BACKPROP
                    && other == Step.CROSS_ENTROPY
                    && STOPS_LEARNING.contains(id);
            if (other != step && !trainingMayLose) {
                assertThat(earned.get(other))
                        .as("points in %s (not the mutant's step)", other)
                        .isCloseTo(rubric.stepTotal(other), within(1e-9));
            }
        }
        assertThat(earned.get(step))
                .as("points in the mutant's step %s", step)
                .isLessThan(rubric.stepTotal(step) - 1e-9);
        assertThat(results)
                .as("failed checks naming %s: %s", id, failures(results))
                .anyMatch(r -> !r.passed() && r.misconception().equals(id));
        if (slot.assignment() != Assignment.FORWARD) {
            // A backward mistake edits the step's file, whose forward pass Part 1 grades: that must stay in full.
            List<CheckResult> forward = Submissions.runHidden(classes, step);
            assertThat(forward)
                    .as("Part 1's checks of %s: %s", step, failures(forward))
                    .allMatch(CheckResult::passed);
        }
    }

    /**
     * Applies the mutant to its step's solution file, compiles that against the solutions and puts it together with
     * the other steps' classes.
     */
    static Path build(String id, Step step) {
        Mutant mutant = Mutant.load(id);
        assertThat(mutant.step()).as("step of %s", id).isEqualTo(step);
        Path source = mutant.writeSource(Submissions.freshFolder("mutant-sources/" + id));
        Path solutions = Submissions.compiledSolutions();
        Path out = Submissions.freshFolder("mutants/" + id);
        Submissions.compile(out, List.of(solutions), List.of(source));
        try (Stream<Path> classes = Files.walk(solutions)) {
            for (Path c : classes.filter(Files::isRegularFile).toList()) {
                String name = c.getFileName().toString();
                String edited = mutant.sourceFile().replace(".java", "");
                if (!name.equals(edited + ".class") && !name.startsWith(edited + "$")) {
                    Path target = out.resolve(solutions.relativize(c).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(c, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String readSolution(String file) {
        try {
            return Files.readString(Submissions.SOLUTIONS.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String failures(List<CheckResult> results) {
        StringBuilder s = new StringBuilder();
        for (CheckResult r : results) {
            if (!r.passed()) {
                s.append("\n  ")
                        .append(r.checkId())
                        .append(' ')
                        .append(r.status())
                        .append(" [")
                        .append(r.misconception())
                        .append("] ")
                        .append(r.message());
            }
        }
        return s.toString();
    }
}
