package cnnkit.grader.report;

import cnnkit.grader.score.Grade;
import java.util.List;

/**
 * The class's scores in ten buckets of 10 % of the maximum each (0–9 %, 10–19 %, …, 90–100 %): drawn as text in
 * {@code summary.md} and as a chart in {@code class-report.html}, from this one count so both show the same bars.
 * A full score falls in the last bucket; a submission whose maximum is 0 counts as 0 %.
 */
public final class ScoreHistogram {
    /** Number of buckets. */
    public static final int BUCKETS = 10;

    private ScoreHistogram() {}

    /** @return how many submissions fall in each bucket, lowest first ({@link #BUCKETS} entries) */
    public static int[] counts(List<Grade> grades) {
        int[] buckets = new int[BUCKETS];
        for (Grade g : grades) {
            double share = g.maxScore() == 0 ? 0 : g.score() / g.maxScore();
            buckets[Math.max(0, Math.min(BUCKETS - 1, (int) Math.floor(share * BUCKETS)))]++;
        }
        return buckets;
    }

    /**
     * @param bucket 0 to {@link #BUCKETS} - 1
     * @return its range, e.g. "10–19%", the last "90–100%"
     * @throws IllegalArgumentException if there is no such bucket
     */
    public static String label(int bucket) {
        if (bucket < 0 || bucket >= BUCKETS) {
            throw new IllegalArgumentException("bucket " + bucket + " is not within 0.." + (BUCKETS - 1));
        }
        int from = bucket * 100 / BUCKETS;
        int to = bucket == BUCKETS - 1 ? 100 : (bucket + 1) * 100 / BUCKETS - 1;
        return from + "–" + to + "%";
    }
}
