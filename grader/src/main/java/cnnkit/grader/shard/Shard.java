package cnnkit.grader.shard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * One of {@code count} parts of a class, numbered from 1: the submissions whose id hashes into it. A class too
 * large for one machine is graded as N shards on N machines (a Kubernetes Indexed Job, a CI matrix, an AWS Batch
 * array job), then merged ({@code merge}).
 *
 * <p>The part an id falls in depends on the id alone: the first 8 bytes of SHA-256 over its UTF-8 bytes, as an
 * unsigned number, modulo {@code count}. So it does not depend on which other submissions are in the class, on the
 * order they are listed, on the JVM ({@code String.hashCode} is specified, but a hash made for hash tables, not for
 * spreading similar names like {@code s0001, s0002}) or on the machine: a shard graded again, anywhere, grades
 * exactly the same submissions, and every id is in exactly one shard. SHA-256 spreads ids evenly, so each shard
 * holds about {@code size / count} submissions (within a few standard deviations of a binomial draw).
 *
 * <pre>
 *   Shard s = Shard.parse("2/3");                                 // the second of three
 *   Shard k8s = Shard.fromEnvironment(3, System.getenv());       // JOB_COMPLETION_INDEX=1 gives 2/3 too
 *   boolean mine = s.holds("ada");
 * </pre>
 *
 * @param index the shard's number, 1 to {@code count}
 * @param count how many shards the class is split into, at least 1
 */
public record Shard(int index, int count) {
    /**
     * The environment variables that carry a 0-based index, in the order they are read: Kubernetes' Indexed Job
     * ({@code completionMode: Indexed}) and AWS Batch's array job.
     */
    public static final List<String> INDEX_VARIABLES = List.of("JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX");

    /** @throws IllegalArgumentException if {@code count < 1} or {@code index} is not within 1..count */
    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("the number of shards must be at least 1, not " + count);
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException(
                    "shard " + index + " of " + count + " does not exist: give 1 to " + count);
        }
    }

    /**
     * @param text {@code K/N}, e.g. {@code 2/3}
     * @return the shard
     * @throws IllegalArgumentException if it is not two whole numbers with a slash, or not a shard that exists
     */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--shard wants K/N (e.g. 2/3), not '" + text + "'");
        }
        return new Shard(number(parts[0], text), number(parts[1], text));
    }

    /**
     * @param count       the number of shards
     * @param environment the process's environment ({@code System.getenv()})
     * @return shard {@code index + 1} of {@code count}, the 0-based index read from the first of
     *     {@link #INDEX_VARIABLES} that is set
     * @throws IllegalArgumentException if none is set, or it is not a whole number from 0 to {@code count - 1}
     */
    public static Shard fromEnvironment(int count, Map<String, String> environment) {
        if (count < 1) {
            throw new IllegalArgumentException("--shard-from-env wants the number of shards, at least 1, not " + count);
        }
        for (String variable : INDEX_VARIABLES) {
            String value = environment.get(variable);
            if (value != null) {
                int index;
                try {
                    index = Integer.parseInt(value.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            variable + "='" + value + "' is not a shard index (0 to " + (count - 1) + ")");
                }
                if (index < 0 || index >= count) {
                    throw new IllegalArgumentException(variable + "=" + index + " is out of range for " + count
                            + " shards (0 to " + (count - 1) + ")");
                }
                return new Shard(index + 1, count);
            }
        }
        throw new IllegalArgumentException("--shard-from-env " + count + ": none of " + INDEX_VARIABLES
                + " is set (a Kubernetes Indexed Job or AWS Batch array job sets it; elsewhere use --shard K/N)");
    }

    /** @return whether the submission of this id is graded in this shard */
    public boolean holds(String id) {
        return of(id, count) == index;
    }

    /**
     * @param id    a submission id
     * @param count the number of shards
     * @return the shard (1 to {@code count}) the id falls in
     */
    public static int of(String id, int count) {
        byte[] h = sha256(id);
        long first = 0;
        for (int i = 0; i < 8; i++) {
            first = (first << 8) | (h[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(first, count) + 1;
    }

    /** @return SHA-256 of the UTF-8 text, in lowercase hex (also the manifest's fingerprints) */
    public static String hex(String text) {
        StringBuilder s = new StringBuilder();
        for (byte b : sha256(text)) {
            s.append(String.format("%02x", b));
        }
        return s.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static int number(String part, String text) {
        try {
            return Integer.parseInt(part.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard wants K/N with whole numbers (e.g. 2/3), not '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
