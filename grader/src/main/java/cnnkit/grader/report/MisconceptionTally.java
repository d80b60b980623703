package cnnkit.grader.report;

import cnnkit.grader.score.Grade;
import cnnkit.grader.score.ScoredCheck;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How many submissions show each misconception: the one count that {@code summary.md}, the console and
 * {@code class-report.html} print, so they always agree.
 *
 * <p>Each submission counts <em>once</em>, under the <em>one</em> misconception that explains most of its failed
 * checks (a tie goes to the alphabetically first id). Why not every id its failed checks carry: one wrong line often
 * trips several recognisers (an off-by-one and a same-size output both come from a missing {@code - k + 1}), and
 * counting each would report the same mistake twice and make the class look worse than it is. The figure the
 * instructor reads, "12 of 40", is then a number of students, and the counts add up to at most the class size.
 */
public final class MisconceptionTally {
    /**
     * @param id          a misconception id of the catalogue
     * @param submissions how many submissions have it as their main misconception, at least 1
     */
    public record Count(String id, int submissions) {
        public Count {
            if (submissions < 1) {
                throw new IllegalArgumentException(
                        "a misconception is counted for at least 1 submission, not " + submissions);
            }
        }
    }

    private MisconceptionTally() {}

    /**
     * @param grade one submission
     * @return the misconception id that most of its failed checks carry (ties: alphabetically first), or empty if
     *         no failed check carries one
     */
    public static Optional<String> main(Grade grade) {
        Map<String, Integer> explained = new TreeMap<>();
        for (ScoredCheck c : grade.checks()) {
            String m = c.result().misconception();
            if (!c.result().passed() && !m.isEmpty()) {
                explained.merge(m, 1, Integer::sum);
            }
        }
        // sorted by id: keeping the first of the largest counts settles a tie alphabetically
        String best = null;
        for (Map.Entry<String, Integer> e : explained.entrySet()) {
            if (best == null || e.getValue() > explained.get(best)) {
                best = e.getKey();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * @param grades one per submission
     * @return each misconception that is some submission's main one, with how many: most frequent first, then by id
     */
    public static List<Count> counts(List<Grade> grades) {
        Map<String, Integer> counts = new TreeMap<>();
        grades.forEach(g -> main(g).ifPresent(m -> counts.merge(m, 1, Integer::sum)));
        return counts.entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Count::submissions).reversed().thenComparing(Count::id))
                .toList();
    }
}
