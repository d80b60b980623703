package cnnkit.grader.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Student text in reports")
class StudentTextTest {
    private static final String FORGED = "ok\n```\n## Relu: 8 / 8\n\nAll checks passed.";

    @Nested
    @DisplayName("cap")
    class Cap {
        @Test
        @DisplayName("keeps short text as it is and cuts long text at 2 KiB, saying how much is left out")
        void capsAtTwoKiB() {
            assertThat(StudentText.cap("short")).isEqualTo("short");
            assertThat(StudentText.cap(null)).isEmpty();
            String capped = StudentText.cap("x".repeat(10_000));
            assertThat(capped)
                    .startsWith("x".repeat(StudentText.MAX_CHARS))
                    .endsWith("… (" + (10_000 - StudentText.MAX_CHARS) + " more characters not shown)")
                    .hasSizeLessThan(StudentText.MAX_CHARS + 50);
        }

        @Test
        @DisplayName("never cuts a surrogate pair in half")
        void keepsSurrogatePairs() {
            String emoji = "😀"; // two chars
            String capped = StudentText.cap("a" + emoji.repeat(10), 2);
            assertThat(capped).startsWith("a… (");
        }
    }

    @Nested
    @DisplayName("Markdown")
    class Markdown {
        @Test
        @DisplayName("inline: one line, with the characters of code, emphasis, links, HTML and headings escaped")
        void inline() {
            String md = StudentText.markdownInline("Relu\n## forged `code` <img src=x> [a](b) *b* _c_ |t|");
            assertThat(md)
                    .doesNotContain("\n")
                    .isEqualTo("Relu\\\\n\\#\\# forged \\`code\\` \\<img src=x\\> \\[a\\](b) \\*b\\* \\_c\\_ \\|t\\|");
        }

        @Test
        @DisplayName("block: the fence is longer than any run of backticks inside, so nothing ends it early")
        void block() {
            String block = StudentText.markdownBlock("a\n`````\nb" + FORGED);
            assertThat(block).startsWith("``````\n").endsWith("\n``````\n");
            assertThat(StudentText.markdownBlock("plain")).isEqualTo("```\nplain\n```\n");
        }
    }

    @Test
    @DisplayName("HTML: the five special characters become entities")
    void html() {
        assertThat(StudentText.html("<b a=\"1\" c='2'>&</b>"))
                .isEqualTo("&lt;b a=&quot;1&quot; c=&#39;2&#39;&gt;&amp;&lt;/b&gt;");
    }

    @Test
    @DisplayName("CSV: a cell that a spreadsheet would read as a formula starts with ' instead; newlines are shown")
    void csv() {
        assertThat(StudentText.csvCell("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(StudentText.csvCell("+1")).isEqualTo("'+1");
        assertThat(StudentText.csvCell("-2")).isEqualTo("'-2");
        assertThat(StudentText.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(StudentText.csvCell("alice")).isEqualTo("alice");
        assertThat(StudentText.csvCell("a\nb")).isEqualTo("a\\nb");
    }
}
