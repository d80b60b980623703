package cnnkit.grader.cli;

import cnnkit.grader.shard.Shard;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code grade}'s options that pick one shard of a class: {@code --shard K/N} names it, {@code --shard-from-env N}
 * reads K from the index a batch engine gives each of its tasks (so one manifest serves every pod).
 */
final class ShardOptions {
    @Option(
            names = "--shard",
            paramLabel = "K/N",
            description = "grade only shard K (1 to N) of the class: the submissions whose id's SHA-256 falls in it; "
                    + "writes shard.json beside the reports, for merge")
    String shard;

    @Option(
            names = "--shard-from-env",
            paramLabel = "N",
            description = "like --shard, with K read from the environment: 1 + the 0-based JOB_COMPLETION_INDEX "
                    + "(Kubernetes Indexed Job) or AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job)")
    Integer fromEnv;

    /**
     * @param spec        the command (for the error)
     * @param environment the environment to read an index from
     * @return the shard asked for, or null if the whole class is graded
     * @throws CommandLine.ParameterException if both options are given, or the shard does not exist
     */
    Shard shard(CommandLine.Model.CommandSpec spec, Map<String, String> environment) {
        if (shard != null && fromEnv != null) {
            throw Inputs.misuse(spec, "give --shard K/N or --shard-from-env N, not both");
        }
        try {
            if (shard != null) {
                return Shard.parse(shard);
            }
            return fromEnv == null ? null : Shard.fromEnvironment(fromEnv, environment);
        } catch (IllegalArgumentException e) {
            throw Inputs.misuse(spec, e.getMessage());
        }
    }
}
