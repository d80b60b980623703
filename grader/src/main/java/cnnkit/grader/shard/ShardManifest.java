package cnnkit.grader.shard;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code shard.json}, written into a shard's {@code --out} when the shard is fully graded: which shard of which
 * class it is and what it graded, so that {@code merge} can tell a complete set of shards of one class from a
 * missing, repeated or foreign one. It is written last and atomically, so a shard that was killed has none (an
 * unfinished shard is never merged), and a shard graded again removes it first.
 *
 * <p>The class is named by {@code classIds}: SHA-256 of its sorted submission ids, one per line ({@link
 * #classIdsOf}); shards of two classes, or of one class whose hand-ins changed between shards, differ there. The
 * settings that shape each stored report (the rubric's points, the Gradescope visibility and whether checks'
 * output is shown) are fingerprinted too: {@code merge} must be given the same ones.
 *
 * @param format     {@link #FORMAT}
 * @param shard      its number, 1 to {@code count}
 * @param count      the number of shards of the class
 * @param classSize  how many submissions the whole class has
 * @param classIds   SHA-256 (hex) of the class's sorted ids, one per line
 * @param ids        the ids this shard graded, sorted
 * @param skipped    children of the class folder that are no submission, with why (for summary.md)
 * @param rubric     fingerprint of the rubric ({@link #rubricOf})
 * @param visibility the results' Gradescope visibility
 * @param stepOutput whether each failed check's output is shown
 */
public record ShardManifest(
        String format,
        int shard,
        int count,
        int classSize,
        String classIds,
        List<String> ids,
        List<String> skipped,
        String rubric,
        String visibility,
        boolean stepOutput) {
    /** The file's name in a shard's output folder. */
    public static final String FILE = "shard.json";
    /** The version of this file's layout. */
    public static final String FORMAT = "cnnkit-shard 1";

    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** @return SHA-256 (hex) of the ids, sorted, one per line: the class's fingerprint */
    public static String classIdsOf(List<String> allIds) {
        return Shard.hex(String.join("\n", allIds.stream().sorted().toList()));
    }

    /** @return SHA-256 (hex) of the rubric's {@code check_id,points} rows in file order */
    public static String rubricOf(java.util.Map<String, Double> checks) {
        StringBuilder rows = new StringBuilder();
        checks.forEach(
                (id, points) -> rows.append(id).append(',').append(points).append('\n'));
        return Shard.hex(rows.toString());
    }

    /** @return the shard this manifest describes */
    public Shard asShard() {
        return new Shard(shard, count);
    }

    /**
     * Writes the manifest atomically (a temporary file moved into place).
     *
     * @param out the shard's output folder
     * @throws IOException if it cannot be written
     */
    public void write(Path out) throws IOException {
        Path temp = out.resolve(FILE + ".tmp");
        Files.writeString(temp, GSON.toJson(this) + "\n", StandardCharsets.UTF_8);
        Files.move(temp, out.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * @param out a shard's output folder
     * @return its manifest
     * @throws IllegalArgumentException if it has none (never graded, or not to the end) or it cannot be read
     * @throws IOException              if the file cannot be read
     */
    public static ShardManifest read(Path out) throws IOException {
        Path file = out.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(out + " has no " + FILE + ": not a shard's --out, or its shard did "
                    + "not finish (grade it again with the same --shard)");
        }
        ShardManifest m;
        try {
            m = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), ShardManifest.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not a shard manifest: " + e.getMessage());
        }
        if (m == null || !FORMAT.equals(m.format()) || m.ids() == null || m.skipped() == null) {
            throw new IllegalArgumentException(file + " is not a shard manifest of this grader (" + FORMAT + ")");
        }
        try {
            m.asShard();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        return m;
    }
}
