package cnnkit.grader.collect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the entries a zip marks as symbolic links. {@link java.util.zip.ZipFile} does not show an entry's unix mode,
 * so this reads the archive's central directory itself: an entry made on unix ({@code version made by} 3) whose
 * external attributes hold the file type {@code S_IFLNK} is a link, and its content is the path it points to.
 */
final class ZipLinks {
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int END_SIZE = 22;
    private static final int ENTRY_SIZE = 46;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int UNIX = 3;
    private static final int FILE_TYPE = 0170000;
    private static final int LINK = 0120000;
    private static final int UTF8_NAMES = 0x800;
    /** A central directory larger than this is left to ZipFile to judge (10,000 entries fit in far less). */
    private static final long MAX_DIRECTORY = 16L << 20;

    private ZipLinks() {}

    /**
     * @param zip   an archive
     * @param names the charset of names not flagged as UTF-8, as {@link java.util.zip.ZipFile} reads them
     * @return the names of its link entries; empty if there are none or the archive cannot be read this way
     * @throws IOException if the file cannot be read
     */
    static Set<String> find(Path zip, Charset names) throws IOException {
        Set<String> links = new HashSet<>();
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, END_SIZE + MAX_COMMENT);
            ByteBuffer end = read(ch, size - tail, tail);
            int at = -1;
            for (int i = tail - END_SIZE; i >= 0 && at < 0; i--) {
                at = end.getInt(i) == END_SIGNATURE ? i : -1;
            }
            if (at < 0) {
                return links;
            }
            long dirSize = Integer.toUnsignedLong(end.getInt(at + 12));
            long dirOffset = Integer.toUnsignedLong(end.getInt(at + 16));
            if (dirSize > MAX_DIRECTORY || dirOffset + dirSize > size) {
                return links;
            }
            ByteBuffer dir = read(ch, dirOffset, (int) dirSize);
            for (int p = 0; p + ENTRY_SIZE <= dir.limit() && dir.getInt(p) == ENTRY_SIGNATURE; ) {
                int madeBy = Short.toUnsignedInt(dir.getShort(p + 4)) >> 8;
                int flags = Short.toUnsignedInt(dir.getShort(p + 8));
                int nameLength = Short.toUnsignedInt(dir.getShort(p + 28));
                int extra = Short.toUnsignedInt(dir.getShort(p + 30));
                int comment = Short.toUnsignedInt(dir.getShort(p + 32));
                int mode = dir.getInt(p + 38) >>> 16;
                if (p + ENTRY_SIZE + nameLength > dir.limit()) {
                    break;
                }
                if (madeBy == UNIX && (mode & FILE_TYPE) == LINK) {
                    byte[] name = new byte[nameLength];
                    dir.get(p + ENTRY_SIZE, name);
                    links.add(new String(name, (flags & UTF8_NAMES) != 0 ? StandardCharsets.UTF_8 : names));
                }
                p += ENTRY_SIZE + nameLength + extra + comment;
            }
        }
        return links;
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining() && ch.read(buffer, position + buffer.position()) >= 0) {
            // keep reading until full or at the end
        }
        return buffer.flip();
    }
}
