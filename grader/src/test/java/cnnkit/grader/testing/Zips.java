package cnnkit.grader.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zips for collecting tests, hostile ones included. */
public final class Zips {
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int ENTRY_SIZE = 46;

    private Zips() {}

    /**
     * @param zip     the file to write
     * @param names   the charset of the entry names (anything but UTF-8 leaves the UTF-8 flag unset)
     * @param entries name to content (ISO-8859-1 bytes, so any byte string fits), in iteration order
     * @return {@code zip}
     * @throws IOException if the file cannot be written
     */
    public static Path write(Path zip, Charset names, Map<String, String> entries) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip), names)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.ISO_8859_1));
                z.closeEntry();
            }
        }
        return zip;
    }

    /**
     * A zip bomb: one entry of {@code megabytes} MiB of spaces, which deflate to a few KiB per MiB.
     *
     * @return {@code zip}
     * @throws IOException if the file cannot be written
     */
    public static Path bomb(Path zip, String entry, int megabytes) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry(entry));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                z.write(spaces);
            }
        }
        return zip;
    }

    /**
     * Rewrites an entry's central-directory record as a unix symbolic link (what {@code zip --symlinks} writes); its
     * content is then read as the link's target.
     *
     * @param zip   an archive written by {@link #write}
     * @param entry the (UTF-8) name of the entry to mark
     * @throws IOException if the file cannot be rewritten
     */
    public static void markAsLink(Path zip, String entry) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int p = 0; p + ENTRY_SIZE + name.length <= bytes.length; p++) {
            if (b.getInt(p) == ENTRY_SIGNATURE
                    && b.getShort(p + 28) == name.length
                    && Arrays.equals(bytes, p + ENTRY_SIZE, p + ENTRY_SIZE + name.length, name, 0, name.length)) {
                b.put(p + 5, (byte) 3); // version made by: unix
                b.putInt(p + 38, 0120777 << 16); // external attributes: S_IFLNK, rwxrwxrwx
            }
        }
        Files.write(zip, bytes);
    }
}
