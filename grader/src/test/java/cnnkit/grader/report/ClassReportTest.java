package cnnkit.grader.report;

import static cnnkit.grader.report.HandMade.digest;
import static cnnkit.grader.report.HandMade.failing;
import static cnnkit.grader.report.HandMade.grade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnkit.grader.score.Grade;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("class-report.html")
class ClassReportTest {
    private static final HintSource HINTS = HintSource.catalogue();
    private static final Pattern IMG = Pattern.compile("<img [^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    /** A small class: two identical copies, misconceptions that overlap, and scores from 0 to full. */
    static List<Grade> smallClass() {
        return List.of(
                digest(grade("ada", true, true, true, true), 'a'),
                digest(grade("bob", true, true, false, false), 'b'),
                digest(grade("cyd", true, true, true, true), 'a'),
                failing("dan", "off-by-one", "same-size", "off-by-one", "flipped-kernel"),
                failing("eve", "same-size", "off-by-one", "same-size"));
    }

    @Nested
    @DisplayName("agrees with summary.md")
    class Agrees {
        private final List<Grade> grades = smallClass();
        private final String md = Summary.text(grades, HINTS);
        private final String html = ClassReport.html(grades, HINTS);

        @Test
        @DisplayName("on each misconception's count, one per submission")
        void misconceptions() {
            List<MisconceptionTally.Count> counts = MisconceptionTally.counts(grades);
            assertThat(counts).extracting(MisconceptionTally.Count::id).containsExactly("off-by-one", "same-size");
            for (MisconceptionTally.Count c : counts) {
                String kOfN = c.submissions() + " of " + grades.size();
                assertThat(md).contains("**" + kOfN + "**: `" + c.id() + "`");
                assertThat(html).contains("<td><code>" + c.id() + "</code></td><td>" + kOfN + "</td>");
            }
            assertThat(html).doesNotContain("<td><code>flipped-kernel</code></td><td>");
        }

        @Test
        @DisplayName("on each step's average, maximum and full marks")
        void steps() {
            for (StepFigures f : StepFigures.of(grades)) {
                String name = Describe.step(f.step());
                String avg = Points.format(f.average());
                String max = Points.format(f.max());
                assertThat(md).contains("| " + name + " | " + avg + " | " + max + " | " + f.full() + " of 5 |");
                assertThat(html)
                        .contains("<td>" + name + "</td><td>" + avg + "</td><td>" + max + "</td><td>" + f.zero()
                                + "</td><td>" + f.partial() + "</td><td>" + f.full() + " of 5</td>");
            }
        }
    }

    @Nested
    @DisplayName("shows")
    class Shows {
        private final String html = ClassReport.html(smallClass(), HINTS);

        @Test
        @DisplayName("every chart as an <img> whose PNG data URI decodes, at the fixed size")
        void charts() throws IOException {
            Matcher m = IMG.matcher(html);
            int images = 0;
            while (m.find()) {
                BufferedImage image = ImageIO.read(
                        new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
                assertThat(image).isNotNull();
                assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
                assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
                images++;
            }
            assertThat(images).isEqualTo(2);
            assertThat(html).doesNotContain("<script").doesNotContain("http:").doesNotContain("https:");
        }

        @Test
        @DisplayName("the students lowest score first, each linked to its feedback.md")
        void students() {
            String table = html.substring(html.indexOf("id=\"students\""), html.indexOf("id=\"identical\""));
            assertThat(table)
                    .containsSubsequence(
                            "dan/feedback.md",
                            "eve/feedback.md",
                            "bob/feedback.md",
                            "ada/feedback.md",
                            "cyd/feedback.md");
            assertThat(table).contains("<a href=\"ada/" + Feedback.FILE + "\">ada</a>");
        }

        @Test
        @DisplayName("the checks flagged and hardest first")
        void checks() {
            String html = ClassReport.html(
                    List.of(
                            grade("a", false, true, false, false),
                            grade("b", false, true, false, true),
                            grade("c", false, true, true, false),
                            grade("d", false, true, true, false)),
                    HINTS);
            String table = html.substring(html.indexOf("id=\"checks\""), html.indexOf("id=\"misconceptions\""));
            assertThat(table).contains("<tr class=\"flag\"><td><code>Convolution.c0</code>");
            assertThat(table)
                    .containsSubsequence(
                            "Convolution.c0",
                            "everyone fails",
                            "Convolution.c1",
                            "everyone passes",
                            "Convolution.c3",
                            "Convolution.c2");
        }

        @Test
        @DisplayName("identical submissions as a group")
        void identical() {
            assertThat(IdenticalSources.groups(smallClass())).containsExactly(List.of("ada", "cyd"));
            assertThat(html).contains("<tr class=\"flag\"><td>ada, cyd</td><td>2</td></tr>");
        }
    }

    @Nested
    @DisplayName("is safe and stable")
    class Safe {
        @Test
        @DisplayName("escapes a hostile id in the text and percent-encodes it in the link")
        void hostileId() {
            String id = "<script>alert(1)</script>";
            String html = ClassReport.html(List.of(failing(id, "\"><img src=x onerror=alert(1)>")), HINTS);
            assertThat(html)
                    .doesNotContain("<script")
                    .doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .contains("href=\"%3Cscript%3Ealert%281%29%3C%2Fscript%3E/feedback.md\"");
        }

        @Test
        @DisplayName("is byte-identical when the same class is written twice, charts included")
        void deterministic(@TempDir Path dir) throws IOException {
            ClassReport.write(dir.resolve("one.html"), smallClass(), HINTS);
            ClassReport.write(dir.resolve("two.html"), new ArrayList<>(smallClass()), HINTS);
            assertThat(Files.readAllBytes(dir.resolve("two.html")))
                    .isEqualTo(Files.readAllBytes(dir.resolve("one.html")));
        }

        @Test
        @DisplayName("stays bounded for a class of 1000, saying how many rows were left out")
        void bounded() {
            List<Grade> grades = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                grades.add(digest(grade(String.format("student-%04d", i), i % 2 == 0, i % 3 == 0), 'c'));
            }
            String html = ClassReport.html(grades, HINTS);
            assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(400_000);
            assertThat(html).contains("… and 800 more submissions");
        }
    }

    @Nested
    @DisplayName("its parts")
    class Parts {
        @Test
        @DisplayName("a table refuses a row of the wrong width, and a table without columns")
        void tableWidth() {
            assertThatThrownBy(() -> new HtmlTable("a", "b").row("", "1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2 cells, not 1");
            assertThatThrownBy(HtmlTable::new).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("a table shows at most MAX_ROWS rows and says how many more there were")
        void tableCut() {
            HtmlTable t = new HtmlTable("a");
            for (int i = 0; i < HtmlTable.MAX_ROWS + 3; i++) {
                t.row("", "r" + i);
            }
            String html = t.html("rows");
            assertThat(html)
                    .contains("r" + (HtmlTable.MAX_ROWS - 1))
                    .doesNotContain("r" + HtmlTable.MAX_ROWS)
                    .contains("… and 3 more rows not listed.");
            assertThat(t.total()).isEqualTo(HtmlTable.MAX_ROWS + 3);
        }

        @Test
        @DisplayName("submissions without sources are never grouped as identical")
        void noDigest() {
            assertThat(IdenticalSources.groups(List.of(failing("a"), failing("b"))))
                    .isEmpty();
        }
    }
}
