package cnnkit.grader.report;

import cnnkit.grader.score.Grade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Submissions handed in twice: groups whose graded sources are identical once whitespace is ignored (the same
 * {@link Grade#sourceDigest()}). A copy that was only re-indented is found; one with a renamed variable is not, which
 * is what a similarity tool such as JPlag is for.
 */
final class IdenticalSources {
    private IdenticalSources() {}

    /**
     * @param grades one per submission
     * @return each group of at least two submissions with the same digest, as sorted ids, the groups sorted by
     *         their first id; submissions without a digest (no sources) are never grouped
     */
    static List<List<String>> groups(List<Grade> grades) {
        Map<String, List<String>> byDigest = new TreeMap<>();
        for (Grade g : grades) {
            if (!g.sourceDigest().isEmpty()) {
                byDigest.computeIfAbsent(g.sourceDigest(), d -> new ArrayList<>())
                        .add(g.id());
            }
        }
        return byDigest.values().stream()
                .filter(ids -> ids.size() > 1)
                .map(ids -> ids.stream().sorted().toList())
                .sorted(Comparator.comparing(ids -> ids.get(0)))
                .toList();
    }
}
