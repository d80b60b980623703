package cnnkit.grader.report;

import cnnkit.grader.score.Grade;
import cnnkit.grader.score.GradeStatus;
import cnnkit.grader.score.ScoredCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Item analysis of the hidden checks, as PrairieLearn shows it for questions: which checks tell the instructor
 * something about the class, and which only add noise to the score.
 *
 * <ul>
 *   <li><b>difficulty</b>: the share of submissions that pass the check (1 = everyone passes);</li>
 *   <li><b>discrimination</b>: the Pearson correlation (point-biserial, as one side is 0/1) between passing the check
 *       and the submission's total score. A good check is passed by the strong submissions and failed by the weak;
 *       near 0 or negative, it measures something else than the rest of the exercise (or is flaky). Undefined when
 *       either side is constant (everyone passes, or every score is equal).</li>
 * </ul>
 *
 * Only {@code graded} submissions count: a rejected or empty hand-in ran no check and says nothing about one.
 */
public final class ItemAnalysis {
    /** Below this discrimination a check is flagged as not discriminating. */
    public static final double LOW_DISCRIMINATION = 0.2;

    /** Why a check is worth a look; {@link #NONE} if it is not. */
    public enum Flag {
        /** Nobody passed it: too hard, or the check or its rubric is wrong. */
        ALL_FAIL("everyone fails"),
        /** Everybody passed it: it gives no information about the class. */
        ALL_PASS("everyone passes"),
        /** Discrimination below {@link #LOW_DISCRIMINATION}, or undefined because every score is equal. */
        NOT_DISCRIMINATING("does not discriminate"),
        /** Nothing to look at. */
        NONE("");

        private final String text;

        Flag(String text) {
            this.text = text;
        }

        /** @return what the report says, e.g. "everyone fails"; empty for {@link #NONE} */
        public String text() {
            return text;
        }
    }

    /**
     * One check's figures.
     *
     * @param checkId        the check
     * @param submissions    the graded submissions that have it, at least 1
     * @param passed         how many of them passed it, 0 to {@code submissions}
     * @param discrimination the correlation of passing with the total score; empty when undefined
     */
    public record Item(String checkId, int submissions, int passed, OptionalDouble discrimination) {
        public Item {
            if (submissions < 1 || passed < 0 || passed > submissions) {
                throw new IllegalArgumentException("a check is analysed over at least 1 submission, with 0 to "
                        + "submissions passes; got " + passed + " of " + submissions + " for " + checkId);
            }
        }

        /** @return the share of submissions that passed it, 0 to 1 */
        public double difficulty() {
            return (double) passed / submissions;
        }

        /** @return the most telling flag: everyone fails, everyone passes, does not discriminate, or none */
        public Flag flag() {
            if (passed == 0) {
                return Flag.ALL_FAIL;
            }
            if (passed == submissions) {
                return Flag.ALL_PASS;
            }
            return discrimination.isEmpty() || discrimination.getAsDouble() < LOW_DISCRIMINATION
                    ? Flag.NOT_DISCRIMINATING
                    : Flag.NONE;
        }
    }

    private ItemAnalysis() {}

    /**
     * @param grades one per submission
     * @return one item per check id found in the graded submissions, flagged first, then hardest (lowest
     *         difficulty) first, then by id
     */
    public static List<Item> of(List<Grade> grades) {
        List<Grade> graded =
                grades.stream().filter(g -> g.status() == GradeStatus.GRADED).toList();
        Map<String, List<double[]>> pairs = new TreeMap<>();
        for (Grade g : graded) {
            for (ScoredCheck c : g.checks()) {
                pairs.computeIfAbsent(c.result().checkId(), id -> new ArrayList<>())
                        .add(new double[] {c.result().passed() ? 1 : 0, g.score()});
            }
        }
        List<Item> items = new ArrayList<>();
        pairs.forEach((id, xy) -> items.add(new Item(
                id, xy.size(), (int) xy.stream().filter(p -> p[0] == 1).count(), pearson(xy))));
        items.sort(Comparator.comparing((Item i) -> i.flag() == Flag.NONE)
                .thenComparingDouble(Item::difficulty)
                .thenComparing(Item::checkId));
        return items;
    }

    /**
     * @param xy pairs (x, y)
     * @return the Pearson correlation of x and y, or empty if either is constant (or fewer than 2 pairs)
     */
    static OptionalDouble pearson(List<double[]> xy) {
        int n = xy.size();
        double mx = xy.stream().mapToDouble(p -> p[0]).sum() / n;
        double my = xy.stream().mapToDouble(p -> p[1]).sum() / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : xy) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxx < 1e-12 || syy < 1e-12 ? OptionalDouble.empty() : OptionalDouble.of(sxy / Math.sqrt(sxx * syy));
    }
}
