package cnnkit.grader.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * A fingerprint of the sources a submission was graded from, so the class report can flag submissions handed in
 * twice: SHA-256 over every graded file (steps and helpers), by file name, with all whitespace removed. Re-indenting
 * or re-wrapping a copy does not change it; changing one token does. It is taken from the grader's private UTF-8
 * copies (each at most {@link SourceFinder#MAX_SOURCE_BYTES}), never from the student's folder again, and kept in the
 * grade, so a rescore or a partial regrade still knows it without the sources.
 */
public final class SourceDigest {
    private SourceDigest() {}

    /**
     * @param sources the collected private copies
     * @return 64 lower-case hex digits, or "" if no source was collected
     * @throws IOException if a copy cannot be read
     */
    public static String of(Sources sources) throws IOException {
        List<Path> files = new ArrayList<>(sources.steps().values());
        files.addAll(sources.helpers());
        TreeMap<String, String> byName = new TreeMap<>();
        for (Path f : files) {
            byName.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
        }
        return of(byName);
    }

    /**
     * @param files file name to content
     * @return the digest of those files with whitespace removed, or "" if there are none
     */
    public static String of(java.util.SortedMap<String, String> files) {
        if (files.isEmpty()) {
            return "";
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        files.forEach((name, text) -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(text.replaceAll("\\s+", "").getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        });
        return HexFormat.of().formatHex(sha.digest());
    }
}
