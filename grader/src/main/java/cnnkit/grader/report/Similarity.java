package cnnkit.grader.report;

import cnnkit.grader.common.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Pairs of submissions whose code is suspiciously alike, as JPlag finds them (JPlag 4.3.0, Java language module,
 * with what students start from as base code, so the stubs and the given classes count for nothing). Identical
 * hand-ins are caught by {@link IdenticalSources} already; JPlag also catches copies with renamed variables, reordered methods or changed
 * comments. JPlag comes in {@code cnn-similarity.jar} (beside {@code cnn-grader.jar}, which names it in its manifest),
 * so that the grader's jar stays small; without it the report says so and grading is unchanged.
 *
 * <p>A pair is listed at {@link #THRESHOLD} or more of JPlag's average similarity (the share of both submissions'
 * tokens in matches, base code left out); pairs that share a submission make a group (a copy handed on), so a class
 * where many copied one solution shows one group, not every pair of it. That is a lead for a person to read, never
 * a verdict: students solving the same small exercise from the same stubs write alike code. JPlag's own report ({@value #REPORT}, open it in
 * <a href="https://jplag.github.io/JPlag/">JPlag's report viewer</a>) shows the matching lines side by side.
 */
public final class Similarity {
    /** The least similarity of a listed pair. */
    public static final double THRESHOLD = 0.8;

    /** Most pairs listed; the rest are counted (JPlag's report has them all). */
    public static final int MAX_PAIRS = 50;

    /** JPlag's report beside the class report. */
    public static final String REPORT = "jplag-report.zip";

    /**
     * One pair, first id before second.
     *
     * @param similarity JPlag's average similarity, 0..1
     */
    public record Pair(String first, String second, double similarity) {
        /** @return the similarity in per cent, rounded, e.g. "87 %" */
        public String percent() {
            return String.format(Locale.ROOT, "%.0f %%", 100 * similarity);
        }
    }

    /**
     * What was found.
     *
     * @param pairs  the pairs at or above {@link #THRESHOLD}, most similar first, then by ids
     * @param note   why nothing was computed, or "" if it was
     * @param report JPlag's report, or null
     */
    public record Result(List<Pair> pairs, String note, Path report) {
        public Result {
            pairs = List.copyOf(pairs);
        }

        /**
         * @return the submissions linked by the pairs, each group's ids sorted, the largest group first (then by
         *     first id)
         */
        public List<List<String>> groups() {
            Map<String, String> parent = new HashMap<>();
            for (Pair p : pairs) {
                parent.put(root(parent, p.first()), root(parent, p.second()));
            }
            Map<String, List<String>> groups = new TreeMap<>();
            for (String id : new TreeSet<>(parent.keySet())) {
                groups.computeIfAbsent(root(parent, id), r -> new ArrayList<>()).add(id);
            }
            return groups.values().stream()
                    .sorted(Comparator.<List<String>>comparingInt(List::size)
                            .reversed()
                            .thenComparing(g -> g.get(0)))
                    .toList();
        }

        private static String root(Map<String, String> parent, String id) {
            String r = id;
            while (parent.containsKey(r) && !parent.get(r).equals(r)) {
                r = parent.get(r);
            }
            parent.putIfAbsent(id, id);
            return r;
        }

        /** @return a result with no pairs, for this reason */
        public static Result notComputed(String why) {
            return new Result(List.of(), why, null);
        }
    }

    private Similarity() {}

    /**
     * Compares every pair of submissions.
     *
     * @param sources each submission's graded files, one folder per id
     * @param start   what every student starts from (the stubs and the given code), left out as base code
     * @param work    an empty folder for JPlag's input (removed afterwards)
     * @param report  where JPlag's own report goes ({@value #REPORT})
     * @return the pairs, or why there are none
     */
    public static Result of(Map<String, Path> sources, Path start, Path work, Path report) throws IOException {
        if (sources.size() < 2) {
            return Result.notComputed("fewer than two submissions with sources");
        }
        try {
            Map<String, String> ids = layOut(sources, work.resolve("submissions"));
            Path base = Files.createDirectories(work.resolve("base"));
            copyJavaFiles(start, base);
            List<Pair> pairs = new ArrayList<>();
            for (Pair p : JPlagPairs.compare(work.resolve("submissions"), base, report)) {
                if (p.similarity() >= THRESHOLD) {
                    String a = ids.get(p.first());
                    String b = ids.get(p.second());
                    pairs.add(a.compareTo(b) <= 0 ? new Pair(a, b, p.similarity()) : new Pair(b, a, p.similarity()));
                }
            }
            pairs.sort(Comparator.comparingDouble(Pair::similarity)
                    .reversed()
                    .thenComparing(Pair::first)
                    .thenComparing(Pair::second));
            return new Result(pairs, "", report);
        } catch (NoClassDefFoundError missing) {
            return Result.notComputed("JPlag is not on the class path: put cnn-similarity.jar beside cnn-grader.jar");
        } catch (JPlagPairs.Failed e) {
            return Result.notComputed("JPlag could not compare the submissions (" + e.getMessage() + ")");
        } finally {
            Trees.delete(work);
        }
    }

    /**
     * Copies each submission to {@code root/s0001} ... in id order: JPlag names submissions by their folder, and
     * folder names must not depend on what a student's id holds.
     *
     * @return folder name → id
     */
    private static Map<String, String> layOut(Map<String, Path> sources, Path root) throws IOException {
        Map<String, String> ids = new LinkedHashMap<>();
        List<String> sorted = sources.keySet().stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            String folder = String.format(Locale.ROOT, "s%04d", i + 1);
            ids.put(folder, sorted.get(i));
            copyJavaFiles(sources.get(sorted.get(i)), Files.createDirectories(root.resolve(folder)));
        }
        return ids;
    }

    private static void copyJavaFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
    }
}
