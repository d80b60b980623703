package cnnkit.grader.run;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where a student's {@code System.out} and {@code System.err} go inside a worker: the first bytes are kept, the rest
 * only counted, so printing gigabytes costs time (bounded by the time limits) but never memory or disk.
 */
final class CappedOutput extends OutputStream {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int cap;
    private long dropped;
    private int drained;

    CappedOutput(int cap) {
        this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < cap) {
            kept.write(b);
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = Math.max(0, Math.min(len, cap - kept.size()));
        kept.write(b, off, room);
        dropped += len - room;
    }

    /** @return what was kept since the last call (the whole text over all calls is at most the cap) */
    synchronized String drain() {
        byte[] all = kept.toByteArray();
        String text = new String(all, drained, all.length - drained, StandardCharsets.UTF_8);
        drained = all.length;
        return text;
    }

    /** @return how many bytes were printed beyond the cap */
    synchronized long dropped() {
        return dropped;
    }
}
