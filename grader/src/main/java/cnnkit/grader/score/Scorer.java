package cnnkit.grader.score;

import cnnkit.grader.common.CheckId;
import cnnkit.grader.run.CheckResult;
import cnnkit.grader.run.CheckResult.Status;
import cnnkit.lecture.Step;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Points from results: each passed check earns its rubric points (partial credit within a step); a step replaced by
 * its stub earns 0 whatever its checks did. Every check the rubric lists appears, as NOT_RUN if it never ran.
 */
public final class Scorer {
    private Scorer() {}

    /**
     * @param rubric  points per check
     * @param results the checks that ran (or were reported), any order
     * @param stubbed steps replaced by their stubs, with the reasons
     * @param known   every hidden check of this grader (id to its name), so a check that did not run is listed
     *                with its name
     * @return per step scores (lecture order) and the scored checks (step order, run order within a step)
     */
    public static Scored score(
            Rubric rubric, List<CheckResult> results, Map<Step, List<String>> stubbed, Map<String, String> known) {
        Map<Step, Map<String, CheckResult>> byStep = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            byStep.put(step, new LinkedHashMap<>());
        }
        results.forEach(r -> byStep.get(r.step()).put(r.checkId(), r));
        List<String> expected = new ArrayList<>(known.keySet());
        expected.addAll(rubric.checks().keySet());
        for (String id : expected) {
            Step step = CheckId.parse(id).map(CheckId::step).orElse(null);
            if (step != null && !byStep.get(step).containsKey(id)) {
                String why = stubbed.containsKey(step)
                        ? "not run: " + step.sourceFile() + " was replaced by the exercise stub (see above)"
                        : "this check did not run";
                byStep.get(step)
                        .put(
                                id,
                                CheckResult.notPassed(
                                        id,
                                        step,
                                        known.getOrDefault(id, id.substring(id.indexOf('.') + 1)),
                                        Status.NOT_RUN,
                                        why));
            }
        }
        List<StepScore> steps = new ArrayList<>();
        List<ScoredCheck> checks = new ArrayList<>();
        for (Step step : Step.values()) {
            boolean counts = !stubbed.containsKey(step);
            double earned = 0;
            for (CheckResult r : byStep.get(step).values()) {
                double max = rubric.checks().keySet().contains(r.checkId()) ? rubric.points(r.checkId()) : 0;
                double got = counts && r.passed() ? max : 0;
                earned += got;
                checks.add(new ScoredCheck(r, got, max));
            }
            steps.add(new StepScore(step, earned, rubric.stepTotal(step), stubbed.getOrDefault(step, List.of())));
        }
        return new Scored(steps, checks);
    }

    /**
     * @param steps  per step, lecture order
     * @param checks per check
     */
    public record Scored(List<StepScore> steps, List<ScoredCheck> checks) {}
}
