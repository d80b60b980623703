package cnnkit.grader.collect;

import cnnkit.grader.common.StudentText;
import cnnkit.grader.common.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks a submitted zip without trusting it.
 *
 * <ul>
 *   <li>zip slip: an entry whose name is absolute or climbs out with {@code ..} rejects the whole archive;</li>
 *   <li>zip bombs: the entry count is bounded before anything is unpacked, and the unpacked bytes are counted while
 *       streaming (the sizes an archive declares are not believed);</li>
 *   <li>symlinks: never created; an entry the archive marks as a link (unix mode bits) is skipped, and every other
 *       entry is written as a regular file with {@code Files.newOutputStream};</li>
 *   <li>nested archives are written as files, never expanded;</li>
 *   <li>names that are not UTF-8 (old zip tools write their code page) are read as ISO-8859-1 rather than failing;
 *       entries that clash (a file and a folder of one name) or that the file system refuses reject the archive;</li>
 *   <li>an entry with a name part longer than {@value #MAX_NAME_BYTES} bytes (more than file systems allow) is
 *       skipped, and said so: the rest of the archive is graded.</li>
 * </ul>
 */
public final class Archives {
    /** Most entries a submission archive may have. */
    public static final int MAX_ENTRIES = 10_000;
    /** Most bytes a submission archive may unpack to. */
    public static final long MAX_UNPACKED_BYTES = 64L * 1024 * 1024;

    /** Longest part of an entry's path, in UTF-8 bytes, that is unpacked (the common file systems' limit). */
    public static final int MAX_NAME_BYTES = 255;

    private Archives() {}

    /**
     * @param zip  the archive
     * @param dest an empty folder to unpack into
     * @return a sentence for each entry that was skipped because of its name, for the student's feedback
     * @throws RejectedSubmission if the archive is not a zip, too large, or has an entry escaping {@code dest}
     * @throws IOException        if {@code dest} cannot be written
     */
    public static List<String> extract(Path zip, Path dest) throws RejectedSubmission, IOException {
        try {
            return unpack(zip, dest, StandardCharsets.UTF_8);
        } catch (ZipException | IllegalArgumentException notUtf8) {
            // Perhaps names in an old zip tool's code page rather than UTF-8: read them as ISO-8859-1 (any byte goes).
            Trees.delete(dest);
            Files.createDirectories(dest);
            try {
                return unpack(zip, dest, StandardCharsets.ISO_8859_1);
            } catch (ZipException | IllegalArgumentException e) {
                throw new RejectedSubmission("the file is not a readable zip archive (" + e.getMessage() + ")");
            }
        }
    }

    private static List<String> unpack(Path zip, Path dest, Charset names) throws RejectedSubmission, IOException {
        Path root = dest.toAbsolutePath().normalize();
        List<String> skipped = new ArrayList<>();
        Set<String> links = ZipLinks.find(zip, names);
        try (ZipFile file = new ZipFile(zip.toFile(), names)) {
            if (file.size() > MAX_ENTRIES) {
                throw new RejectedSubmission(
                        "the archive has " + file.size() + " entries; at most " + MAX_ENTRIES + " are accepted");
            }
            long budget = MAX_UNPACKED_BYTES;
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (tooLong(entry.getName())) {
                    skipped.add("The archive entry " + "\"" + StudentText.line(StudentText.cap(entry.getName(), 80))
                            + "\"" + " was skipped: a part " + "of its name is longer than " + MAX_NAME_BYTES
                            + " bytes.");
                    continue;
                }
                Path target = safeTarget(root, entry.getName());
                if (links.contains(entry.getName()) || target.equals(root)) {
                    continue; // a link is never created; "./" is the root itself
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(target)) {
                    budget -= copyAtMost(in, out, budget);
                }
            }
            return skipped;
        } catch (FileSystemException e) { // a file and a folder of one name, a name too long, ...
            throw new RejectedSubmission("the archive cannot be unpacked: "
                    + e.getClass().getSimpleName() + " for "
                    + root.relativize(Path.of(e.getFile()).toAbsolutePath().normalize()));
        }
    }

    private static boolean tooLong(String name) {
        for (String part : name.split("[/\\\\]")) {
            if (part.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                return true;
            }
        }
        return false;
    }

    private static Path safeTarget(Path root, String name) throws RejectedSubmission {
        String clean = name.replace('\\', '/');
        if (clean.startsWith("/") || clean.matches("^[A-Za-z]:.*")) {
            throw new RejectedSubmission("the archive entry \"" + name + "\" has an absolute path");
        }
        try {
            Path target = root.resolve(clean).normalize();
            if (!target.startsWith(root)) {
                throw new RejectedSubmission("the archive entry \"" + name + "\" points outside the submission");
            }
            return target;
        } catch (InvalidPathException e) {
            throw new RejectedSubmission("the archive entry \"" + name + "\" has an invalid name");
        }
    }

    /** Copies until the stream ends; more than {@code budget} bytes reject the archive. */
    private static long copyAtMost(InputStream in, OutputStream out, long budget)
            throws IOException, RejectedSubmission {
        byte[] buffer = new byte[8192];
        long copied = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            copied += n;
            if (copied > budget) {
                throw new RejectedSubmission(
                        "the archive unpacks to more than " + MAX_UNPACKED_BYTES / (1024 * 1024) + " MiB");
            }
            out.write(buffer, 0, n);
        }
        return copied;
    }
}
