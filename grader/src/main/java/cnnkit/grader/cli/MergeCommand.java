package cnnkit.grader.cli;

import cnnkit.grader.ShardMerge;
import cnnkit.grader.course.Roster;
import cnnkit.grader.course.RosterGradebook;
import cnnkit.grader.score.Rubric;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code merge}: the class's output folder from its shards' ({@code grade --shard K/N}), byte for byte what
 * {@code grade} of the whole class writes. No student code runs; see {@link ShardMerge}.
 */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = {
            "Merge the output folders of the N shards of a class (grade --shard K/N or --shard-from-env N) into one: "
                    + "every submission's folder, and gradebook.csv, summary.md, class-report.html as grading the "
                    + "class in one run writes them.",
            "Each shard exactly once, in any order; a missing, repeated, unfinished or foreign shard is an error "
                    + "naming it (exit 2) and nothing is written."
        })
public final class MergeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "the --out folder of each shard")
    List<Path> shards = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "where to write the class's files")
    Path out;

    @Option(
            names = "--force",
            description = "start a non-empty --out over (its class files and submission folders are removed)")
    boolean force;

    @Option(
            names = "--rubric",
            paramLabel = "FILE",
            description = "the rubric the shards were graded with (default: the kit's)")
    Path rubricFile;

    @Option(
            names = "--roster",
            paramLabel = "FILE",
            description = "id,name,email CSV: also write " + RosterGradebook.FILE)
    Path rosterFile;

    @CommandLine.Mixin
    PresentationOptions shown = new PresentationOptions();

    @Override
    public Integer call() throws IOException {
        Inputs.folder(spec, "--out", out);
        ShardMerge.merge(
                new ShardMerge.Settings(out, rubric(), shown.presentation(), roster(), force), shards, System.out);
        return 0;
    }

    private Rubric rubric() {
        if (rubricFile == null) {
            return Rubric.defaults();
        }
        Inputs.readable(spec, "--rubric", rubricFile);
        return Rubric.load(rubricFile);
    }

    private Roster roster() throws IOException {
        if (rosterFile == null) {
            return null;
        }
        Inputs.readable(spec, "--roster", rosterFile);
        return Roster.load(rosterFile);
    }
}
