package cnnkit.grader;

import cnnkit.grader.collect.Submission;
import cnnkit.grader.score.Rubric;
import cnnkit.grader.shard.Shard;
import cnnkit.grader.shard.ShardManifest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code grade --shard K/N}: grades the part of a class that falls in one shard ({@link Shard}) through the one
 * pipeline, {@link ClassGrading}, so its {@code --out} is what grading those submissions alone writes, plus
 * {@code shard.json} ({@link ShardManifest}) once every one of them has a grade. {@code merge} ({@link ShardMerge})
 * turns the N folders into the class's.
 *
 * <p>A shard that holds no submission (a class smaller than N, or an unlucky split) grades nothing and still writes
 * its manifest: for the merge, "shard 3 of 3 is empty" must be told apart from "shard 3 of 3 never ran".
 */
public final class ShardedGrading {
    private ShardedGrading() {}

    /**
     * @param settings how to grade (as for the whole class)
     * @param shard    which part
     * @param all      every submission of the class (the shard's are picked from them by id)
     * @param skipped  what was in the class folder but is no submission, with why
     * @param console  where progress and the shard's summary go
     * @return {@link ClassGrading#grade}'s status; the manifest is written only when it is 0
     */
    public static int grade(
            ClassGrading.Settings settings,
            Shard shard,
            List<Submission> all,
            List<String> skipped,
            PrintStream console)
            throws IOException, InterruptedException {
        // An earlier run's manifest must not vouch for this run's output until this run has finished.
        Files.deleteIfExists(settings.out().resolve(ShardManifest.FILE));
        List<Submission> mine = all.stream().filter(s -> shard.holds(s.id())).toList();
        console.println("Shard " + shard + ": " + mine.size() + " of the class's " + all.size() + " submission(s).");
        int status = 0;
        if (mine.isEmpty()) {
            Files.createDirectories(settings.out());
        } else {
            status = ClassGrading.grade(settings, work -> mine, skipped, console);
        }
        if (status == 0) {
            manifest(settings, shard, all, mine, skipped).write(settings.out());
            console.println("Wrote " + settings.out().resolve(ShardManifest.FILE) + "; when all " + shard.count()
                    + " shards are done: merge --out DIR SHARD_DIR...");
        }
        return status;
    }

    private static ShardManifest manifest(
            ClassGrading.Settings settings,
            Shard shard,
            List<Submission> all,
            List<Submission> mine,
            List<String> skipped) {
        Rubric rubric = settings.rubric();
        return new ShardManifest(
                ShardManifest.FORMAT,
                shard.index(),
                shard.count(),
                all.size(),
                ShardManifest.classIdsOf(all.stream().map(Submission::id).toList()),
                mine.stream().map(Submission::id).sorted().toList(),
                skipped,
                ShardManifest.rubricOf(rubric.checks()),
                settings.presentation().visibility(),
                settings.presentation().stepOutput());
    }
}
