package cnnkit.grader.score;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The known name closest to a mistyped one, by edit distance (Levenshtein: the fewest single-character insertions,
 * deletions and substitutions that turn one into the other), for "did you mean ...?" in error messages.
 *
 * <pre>
 *   Nearest.among("Relu.negativs", List.of("Relu.negatives", "Relu.zero"))   // Optional[Relu.negatives]
 * </pre>
 */
public final class Nearest {
    private Nearest() {}

    /**
     * @param typed a name that is not known
     * @param known the names that are
     * @return the known name with the smallest edit distance (ties: the first in alphabetical order), if it is
     *         close enough to be a plausible typo (at most a third of the longer name differs)
     */
    public static Optional<String> among(String typed, Collection<String> known) {
        return known.stream()
                .filter(k -> distance(typed, k) * 3 <= Math.max(typed.length(), k.length()))
                .min(Comparator.<String>comparingInt(k -> distance(typed, k)).thenComparing(Comparator.naturalOrder()));
    }

    /** @return the Levenshtein distance of two strings, ignoring case */
    static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitute = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[y.length()];
    }
}
