package cnnkit.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnkit.lecture.LectureData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The filters command")
class FiltersTest {
    /** Red channel: 100 everywhere but 120 in the middle; green: flat 100; blue: 0. */
    private static final int FLAT = 100;

    private static final int BUMP = 120;

    @TempDir
    Path temp;

    private Path tiny;

    @BeforeEach
    void writeTinyPicture() throws IOException {
        BufferedImage img = new BufferedImage(5, 5, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 5; x++) {
                int red = x == 2 && y == 2 ? BUMP : FLAT;
                img.setRGB(x, y, red << 16 | FLAT << 8);
            }
        }
        tiny = temp.resolve("tiny.png");
        ImageIO.write(img, "png", tiny.toFile());
    }

    private static int red(Path png, int x, int y) throws IOException {
        return (ImageIO.read(png.toFile()).getRGB(x, y) >> 16) & 0xff;
    }

    /** Runs {@code filters} with a correct learner's Convolution (the learners' jar has no convolution of its own). */
    private static Cli filters(String... args) {
        List<String> all = new ArrayList<>(List.of("filters"));
        all.addAll(List.of(args));
        all.addAll(List.of("--classes", Learners.correct().toString()));
        return Cli.run(all.toArray(String[]::new));
    }

    @Nested
    @DisplayName("with a correct convolution")
    class WithCorrectConvolution {
        @Test
        @DisplayName("writes one PNG per filter, the picture's size, and a contact sheet")
        void onePngPerFilter() throws IOException {
            Path out = temp.resolve("out");
            Cli run = filters("--in", tiny.toString(), "--out", out.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            for (String name : LectureData.filterNames()) {
                BufferedImage img = ImageIO.read(out.resolve(name + ".png").toFile());
                assertThat(img.getWidth()).as(name).isEqualTo(5);
                assertThat(img.getHeight()).as(name).isEqualTo(5);
            }
            assertThat(ImageIO.read(out.resolve("contact-sheet.png").toFile()).getWidth())
                    .isPositive();
        }

        @Test
        @DisplayName("gives each filter's arithmetic at a known pixel (red channel, per-channel filtering)")
        void knownPixelPerFilter() throws IOException {
            Path out = temp.resolve("out");
            filters("--in", tiny.toString(), "--out", out.toString());

            // sharpen: 5·120 − 4·100 at the bump
            assertThat(red(out.resolve("sharpen.png"), 2, 2)).isEqualTo(5 * BUMP - 4 * FLAT);
            // blur: (8·100 + 120) / 9 = 102.2, rounded
            assertThat(red(out.resolve("blur.png"), 2, 2)).isEqualTo(Math.round((8 * FLAT + BUMP) / 9f));
            // edge enhance: −left + centre
            assertThat(red(out.resolve("edge-enhance.png"), 2, 2)).isEqualTo(BUMP - FLAT);
            // edge detect left of the bump: 3·100 + 120 − 4·100; at the bump it is negative, clamped to 0
            assertThat(red(out.resolve("edge-detect.png"), 1, 2)).isEqualTo(3 * FLAT + BUMP - 4 * FLAT);
            assertThat(red(out.resolve("edge-detect.png"), 2, 2)).isZero();
            // emboss up-left of the bump: the bump sits under the kernel's weight 2, the other weights sum to −1
            assertThat(red(out.resolve("emboss.png"), 1, 1)).isEqualTo(2 * BUMP - FLAT);
            // Sobel right of the bump: the bump under weight 2, the rest of the kernel cancels to −2·100
            assertThat(red(out.resolve("sobel.png"), 3, 2)).isEqualTo(2 * BUMP - 2 * FLAT);
        }

        @Test
        @DisplayName("filters each colour channel on its own: a flat green stays flat, blue stays 0")
        void perChannel() throws IOException {
            Path out = temp.resolve("out");
            filters("--in", tiny.toString(), "--out", out.toString());

            int blurred = ImageIO.read(out.resolve("blur.png").toFile()).getRGB(2, 2);
            assertThat((blurred >> 8) & 0xff).isEqualTo(FLAT);
            assertThat(blurred & 0xff).isZero();
        }

        @Test
        @DisplayName("runs with no --in on the sample picture shipped in the kit")
        void sample() throws IOException {
            Path out = temp.resolve("out");
            Cli run = filters("--out", out.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            BufferedImage sample = Pictures.sample();
            assertThat(ImageIO.read(out.resolve("sobel.png").toFile()).getWidth())
                    .isEqualTo(sample.getWidth());
            assertThat(Files.size(Path.of("src/main/resources/cnnkit/walkthrough/sample.png")))
                    .isLessThan(100_000);
        }
    }

    @Nested
    @DisplayName("with the learner's convolution (--classes)")
    class WithLearner {
        @Test
        @DisplayName("a correct Convolution gives the pixels of the hidden tests' oracle")
        void correctLearner() throws IOException {
            ImageFilters oracle = new ImageFilters(Reference.INSTANCE, Duration.ofSeconds(60));
            BufferedImage picture = Pictures.read(tiny);
            Cli run = Cli.run(
                    "filters",
                    "--in",
                    tiny.toString(),
                    "--out",
                    temp.resolve("yours").toString(),
                    "--classes",
                    Learners.correct().toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            for (String name : LectureData.filterNames()) {
                BufferedImage ref = oracle.apply(picture, LectureData.filter(name));
                BufferedImage yours = ImageIO.read(
                        temp.resolve("yours").resolve(name + ".png").toFile());
                assertThat(yours.getRGB(0, 0, 5, 5, null, 0, 5))
                        .as(name)
                        .containsExactly(ref.getRGB(0, 0, 5, 5, null, 0, 5));
            }
        }

        @Test
        @DisplayName("an unfinished Convolution is a clear error")
        void unfinishedLearner() {
            Cli run = Cli.run(
                    "filters",
                    "--in",
                    tiny.toString(),
                    "--out",
                    temp.resolve("out").toString(),
                    "--classes",
                    Learners.unfinished().toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("not implemented yet").doesNotContain("\tat ");
        }
    }

    @Nested
    @DisplayName("with bad input")
    class BadInput {
        @Test
        @DisplayName("a file that is not an image: a clear message, exit code 1, no stack trace")
        void notAnImage() throws IOException {
            Path bad = Files.writeString(temp.resolve("notes.png"), "this is not a PNG");
            Cli run = Cli.run(
                    "filters",
                    "--in",
                    bad.toString(),
                    "--out",
                    temp.resolve("out").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("is not an image").doesNotContain("\tat ", "Exception");
        }

        @Test
        @DisplayName("a file that does not exist: a clear message, exit code 1")
        void missingFile() {
            Cli run = Cli.run("filters", "--in", temp.resolve("nope.jpg").toString(), "--out", temp.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("no such file");
        }

        @Test
        @DisplayName("a truncated PNG: a clear message, exit code 1")
        void truncated() throws IOException {
            byte[] png = Files.readAllBytes(tiny);
            Path cut = Files.write(temp.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
            Cli run = Cli.run(
                    "filters",
                    "--in",
                    cut.toString(),
                    "--out",
                    temp.resolve("out").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).startsWith("filters: ").doesNotContain("\tat ");
        }
    }

    @Test
    @DisplayName("normalises a kernel by the sum of its cells, and leaves zero-sum kernels as they are")
    void normalisation() {
        Map<String, Double> sums = Map.of("blur", 1.0, "sharpen", 1.0, "sobel", 0.0, "edge-detect", 0.0);
        sums.forEach((name, sum) -> {
            double total = 0;
            for (double[] row : ImageFilters.normalised(LectureData.filter(name))) {
                for (double v : row) {
                    total += v;
                }
            }
            assertThat(total).as(name).isCloseTo(sum, within(1e-12));
        });
        assertThat(ImageFilters.normalised(LectureData.filter("blur"))[2][2]).isCloseTo(1.0 / 9, within(1e-12));
    }
}
