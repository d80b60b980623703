package cnnkit.grader;

import cnnkit.grader.common.Trees;
import cnnkit.grader.course.Roster;
import cnnkit.grader.report.ClassReport;
import cnnkit.grader.report.GradeStore;
import cnnkit.grader.report.HintSource;
import cnnkit.grader.report.ResultsJson;
import cnnkit.grader.report.Summary;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.Rubric;
import cnnkit.grader.shard.Shard;
import cnnkit.grader.shard.ShardManifest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code merge --out DIR SHARD_DIR...}: the class's output folder from the output folders of its N shards
 * ({@code grade --shard K/N}), the same bytes as grading the class in one run (apart from each results.json's
 * {@code execution_time}, which differs between any two runs).
 *
 * <p>Everything is checked before anything is written: every folder holds a finished shard's {@code shard.json};
 * all are shards of one class (the same fingerprint of its ids) split into the same N; each of the N shards is
 * there exactly once; each shard's ids are the ones its number owns, with a stored grade; and they were graded with
 * this merge's rubric and presentation. Then each submission's folder is copied and the class files are rebuilt by
 * the code a one-run grade ends with ({@link GradingOutput#merge} and {@link GradingOutput#classReports}): a merge
 * cannot drift from a grade.
 */
public final class ShardMerge {
    private ShardMerge() {}

    /**
     * @param out          the class's output folder to write
     * @param rubric       the rubric the shards were graded with
     * @param presentation what the results.json files show, as the shards were graded
     * @param roster       who is who (roster-gradebook.csv), or null
     * @param force        whether a non-empty {@code out} may be started over
     */
    public record Settings(
            Path out, Rubric rubric, ResultsJson.Presentation presentation, Roster roster, boolean force) {}

    /**
     * @param settings where to and how
     * @param shards   the shards' output folders, in any order
     * @param console  where the class summary goes
     * @return the merged grades, sorted by id
     * @throws IllegalArgumentException naming the folder, if a shard is missing, repeated, unfinished, of another
     *                                  class or split, or graded otherwise; or if {@code out} is not empty and
     *                                  {@code force} is not given. Nothing is written then.
     * @throws IOException              if a folder cannot be read or written
     */
    public static List<Grade> merge(Settings settings, List<Path> shards, PrintStream console) throws IOException {
        Map<Path, ShardManifest> manifests = check(settings, shards);
        Path out = settings.out();
        if (settings.force()) {
            new GradingOutput(out, null, null).clear();
            Files.deleteIfExists(out.resolve(ShardManifest.FILE));
        }
        Files.createDirectories(out);
        for (Map.Entry<Path, ShardManifest> e : manifests.entrySet()) {
            for (String id : e.getValue().ids()) {
                Trees.copy(e.getKey().resolve(id), out.resolve(id));
            }
        }
        List<String> skipped = manifests.values().iterator().next().skipped();
        GradingOutput output = new GradingOutput(out, HintSource.catalogue(), settings.presentation());
        List<Grade> all = output.merge(List.of(), settings.rubric());
        output.classReports(all, settings.roster(), skipped, console);
        console.println(Summary.console(all, HintSource.catalogue()));
        console.println("Merged " + manifests.size() + " shard(s), " + all.size() + " submission(s): wrote "
                + out.resolve(GradingOutput.GRADEBOOK) + ", " + out.resolve(GradingOutput.SUMMARY) + ", "
                + out.resolve(ClassReport.FILE) + " and a folder per submission.");
        return all;
    }

    /** @return each shard folder's manifest, by shard number, once everything a merge needs holds */
    private static Map<Path, ShardManifest> check(Settings settings, List<Path> shards) throws IOException {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("give the output folders of the shards to merge");
        }
        Path out = settings.out().toAbsolutePath().normalize();
        TreeMap<Integer, Path> byNumber = new TreeMap<>();
        Map<Path, ShardManifest> manifests = new HashMap<>();
        ShardManifest first = null;
        Path firstDir = null;
        for (Path dir : shards) {
            if (dir.toAbsolutePath().normalize().equals(out)) {
                throw new IllegalArgumentException(
                        "--out " + settings.out() + " is one of the shards; merge into " + "another folder");
            }
            ShardManifest m = ShardManifest.read(dir);
            if (first == null) {
                first = m;
                firstDir = dir;
            } else if (!m.classIds().equals(first.classIds()) || m.classSize() != first.classSize()) {
                throw new IllegalArgumentException(dir + " is a shard of another class (" + m.classSize()
                        + " submissions, ids " + brief(m.classIds()) + ") than " + firstDir + " ("
                        + first.classSize() + ", ids " + brief(first.classIds()) + ")");
            } else if (m.count() != first.count()) {
                throw new IllegalArgumentException(dir + " is shard " + m.asShard() + ", but " + firstDir + " is shard "
                        + first.asShard() + ": the class was split into different numbers of shards");
            }
            Path before = byNumber.putIfAbsent(m.shard(), dir);
            if (before != null) {
                throw new IllegalArgumentException(
                        "shard " + m.asShard() + " is given twice: " + before + " and " + dir);
            }
            settings(settings, dir, m);
            ids(dir, m);
            manifests.put(dir, m);
        }
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= first.count(); k++) {
            if (!byNumber.containsKey(k)) {
                missing.add(k + "/" + first.count());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("shard(s) " + String.join(", ", missing) + " missing: got "
                    + byNumber.size() + " of " + first.count() + " (" + byNumber.values() + ")");
        }
        int total = manifests.values().stream().mapToInt(m -> m.ids().size()).sum();
        if (total != first.classSize()) {
            throw new IllegalArgumentException(
                    "the shards hold " + total + " submissions, the class " + first.classSize());
        }
        refuseNonEmpty(settings);
        Map<Path, ShardManifest> inOrder = new java.util.LinkedHashMap<>();
        byNumber.values().forEach(dir -> inOrder.put(dir, manifests.get(dir)));
        return inOrder;
    }

    /** The shard must have been graded as this merge rescores: otherwise its reports would silently change. */
    private static void settings(Settings settings, Path dir, ShardManifest m) {
        if (!m.rubric().equals(ShardManifest.rubricOf(settings.rubric().checks()))) {
            throw new IllegalArgumentException(dir + " was graded with another rubric than " + settings.rubric()
                    + ": give merge the --rubric the shards were graded with (grade --rescore after the merge "
                    + "changes it)");
        }
        ResultsJson.Presentation p = settings.presentation();
        if (!m.visibility().equals(p.visibility()) || m.stepOutput() != p.stepOutput()) {
            throw new IllegalArgumentException(dir + " was graded with --visibility " + m.visibility()
                    + (m.stepOutput() ? "" : " --no-step-output") + ": give merge the same");
        }
    }

    /** Each id is one its shard owns, and its stored grade is there. */
    private static void ids(Path dir, ShardManifest m) {
        Shard shard = m.asShard();
        for (String id : m.ids()) {
            if (!shard.holds(id)) {
                throw new IllegalArgumentException(dir + ": " + id + " is not in shard " + shard + " (it is in "
                        + Shard.of(id, shard.count()) + "/" + shard.count() + ")");
            }
            if (GradeStore.read(dir.resolve(id)).filter(g -> g.id().equals(id)).isEmpty()) {
                throw new IllegalArgumentException(dir + ": no stored grade " + id + "/" + GradeStore.FILE);
            }
        }
    }

    private static void refuseNonEmpty(Settings settings) throws IOException {
        Path out = settings.out();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a folder");
        }
        if (!settings.force() && Files.isDirectory(out)) {
            try (Stream<Path> children = Files.list(out)) {
                if (children.findAny().isPresent()) {
                    throw new IllegalArgumentException("--out " + out + " is not empty; add --force to start it over "
                            + "(it removes the class files and submission folders of an earlier run there)");
                }
            }
        }
    }

    private static String brief(String hex) {
        return hex.substring(0, 12);
    }
}
