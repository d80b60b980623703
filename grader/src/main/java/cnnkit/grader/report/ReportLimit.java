package cnnkit.grader.report;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The size limit of one submission's reports: {@code feedback.md} and {@code results.json} are at most
 * {@link #MAX_BYTES} each, whatever the student's code throws or prints. Every piece of student text is capped
 * already (see {@link cnnkit.grader.common.StudentText}); this is the last line, for a submission with very many of them.
 */
final class ReportLimit {
    /** Most bytes (UTF-8) of one report file: 1 MiB. */
    static final int MAX_BYTES = 1 << 20;
    /** What a cut report ends with. */
    static final String CUT_NOTE = "**(The rest of this report was cut: a report is limited to 1 MiB.)**\n";

    private static final int ROOM = 4096;

    private ReportLimit() {}

    /**
     * @param md       a Markdown text
     * @param maxBytes most UTF-8 bytes of the result, at least a few KiB
     * @return the text, or its first lines within {@code maxBytes}, with a code block left open closed and
     *     {@link #CUT_NOTE} at the end
     */
    static String markdown(String md, int maxBytes) {
        byte[] bytes = md.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return md;
        }
        String head = prefix(bytes, Math.max(0, maxBytes - ROOM));
        int lastLine = head.lastIndexOf('\n');
        head = lastLine < 0 ? "" : head.substring(0, lastLine + 1);
        int open = openFence(head);
        return head + (open > 0 ? "`".repeat(open) + "\n" : "") + "\n" + CUT_NOTE;
    }

    /** @return the longest prefix of the UTF-8 bytes that decodes completely within {@code n} bytes */
    private static String prefix(byte[] bytes, int n) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.IGNORE)
                    .onUnmappableCharacter(CodingErrorAction.IGNORE)
                    .decode(ByteBuffer.wrap(bytes, 0, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("decoding with IGNORE cannot fail", e);
        }
    }

    /** @return the length of the backtick fence of a code block still open at the end of the text, or 0 */
    static int openFence(String md) {
        int open = 0;
        for (String line : md.split("\n", -1)) {
            int run = 0;
            while (run < line.length() && line.charAt(run) == '`') {
                run++;
            }
            if (open == 0 && run >= 3) {
                open = run;
            } else if (open > 0 && run >= open && line.substring(run).isBlank()) {
                open = 0;
            }
        }
        return open;
    }
}
