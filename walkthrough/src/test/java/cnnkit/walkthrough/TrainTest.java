package cnnkit.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.walkthrough.training.Progress;
import cnnkit.walkthrough.training.Trainer;
import cnnkit.walkthrough.training.TrainingPictures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The train command (Part 2's capstone)")
class TrainTest {
    private static final Path SOLUTIONS = Path.of("../solutions/src/main/java/cnn");
    private static final Pattern LAST_LINE = Pattern.compile("test accuracy: (0\\.\\d{3}|1\\.000) \\((\\d+) of 360\\)");
    /** Training.step's first statement in the reference, where the broken learners below break it. */
    private static final String STEP_BODY = "        check(net, image);\n        if (label < 0";

    @TempDir
    Path temp;

    /** @return a copy of the reference's sources (no given Network.java: train adds it), Training.java edited */
    private Path reference(String stepPrefix) throws IOException {
        Path cnn = Files.createDirectories(temp.resolve("src/cnn"));
        try (Stream<Path> files = Files.list(SOLUTIONS)) {
            for (Path f : files.toList()) {
                String source = Files.readString(f);
                if (f.getFileName().toString().equals("Training.java")) {
                    assertThat(source).contains(STEP_BODY);
                    source = source.replace(STEP_BODY, stepPrefix + STEP_BODY);
                }
                Files.writeString(cnn.resolve(f.getFileName()), source);
            }
        }
        return temp.resolve("src");
    }

    @Test
    @DisplayName("trains the reference with the default options through --src: test accuracy >= 0.95 within 10 "
            + "epochs, one epoch line each, the accuracy line last, both pictures and the page written")
    void trainsTheReference() throws IOException {
        Path out = temp.resolve("out");
        Cli run = Cli.run("train", "--src", reference("").toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("epoch ")).hasSize(10);
        Matcher last = LAST_LINE.matcher(lines.get(lines.size() - 1));
        assertThat(last.matches()).as(lines.get(lines.size() - 1)).isTrue();
        assertThat(Double.parseDouble(last.group(1))).isGreaterThanOrEqualTo(0.95);
        assertThat(Integer.parseInt(last.group(2)))
                .isEqualTo((int) Math.round(Double.parseDouble(last.group(1)) * 360));
        assertThat(lines).filteredOn(l -> l.startsWith("test accuracy")).hasSize(1);

        BufferedImage loss = ImageIO.read(out.resolve("loss.png").toFile());
        assertThat(loss.getWidth()).isEqualTo(TrainingPictures.CHART_WIDTH);
        assertThat(loss.getHeight()).isEqualTo(TrainingPictures.CHART_HEIGHT);
        BufferedImage filters = ImageIO.read(out.resolve("filters.png").toFile());
        assertThat(filters.getWidth()).isGreaterThanOrEqualTo(TrainingPictures.ACROSS * 3 * TrainingPictures.CELL);
        assertThat(Files.readString(out.resolve("training.html")))
                .contains("data:image/png;base64,", lines.get(lines.size() - 1));
        // not a terminal: plain progress lines with the running loss, three per epoch
        assertThat(run.err().lines().filter(l -> l.contains("running loss"))).hasSize(30);
    }

    @Nested
    @DisplayName("stops with the reason and the learner's file and line")
    class Stops {
        @Test
        @DisplayName("when Training.step throws: exit 1, the exception, Training.java:line")
        void throwing() throws IOException {
            Cli run = Cli.run(
                    "train",
                    "--src",
                    reference("        if (label >= 0) {\n            throw new IllegalStateException(\"oops\");\n"
                                    + "        }\n")
                            .toString(),
                    "--out",
                    temp.resolve("out").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err())
                    .containsPattern("stopped: Training.step on training image \\d+ .* threw "
                            + "IllegalStateException: oops \\(at Training.java:\\d+\\)");
            assertThat(temp.resolve("out")).doesNotExist();
            assertThat(run.out()).doesNotContain("test accuracy:");
        }

        @Test
        @DisplayName(
                "when Training.step loops (asleep, so that the abandoned call ends when interrupted): exit 1 after "
                        + "the time limit of one call")
        void looping() throws IOException {
            Cli run = Cli.run(
                    "train",
                    "--src",
                    reference("        while (label >= 0) {\n            try {\n                Thread.sleep(20);\n"
                                    + "            } catch (InterruptedException e) {\n"
                                    + "                throw new IllegalStateException(e);\n            }\n"
                                    + "        }\n")
                            .toString(),
                    "--timeout",
                    "0.5",
                    "--out",
                    temp.resolve("out").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("Training.step", "did not return within 500 ms");
        }

        @Test
        @DisplayName("when Training is still the stub: exit 1, not implemented yet")
        void stub() {
            Cli run = Cli.run("train", "--src", "../exercises/src/main/java", "--out", temp.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("Training.step", "not implemented yet");
        }

        @Test
        @DisplayName("when the loss is not a number: the training diverged, try a smaller learning rate")
        void diverging() throws IOException {
            Cli run = Cli.run(
                    "train",
                    "--src",
                    reference("        if (label >= 0) {\n            return Double.NaN;\n        }\n")
                            .toString(),
                    "--out",
                    temp.resolve("out").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("the loss NaN", "--learning-rate");
        }
    }

    @Nested
    @DisplayName("refuses bad options in one line, exit 2")
    class Misuse {
        @Test
        @DisplayName("epochs outside 1..1000, a learning rate not above 0, --reference with --src, an unknown option")
        void badOptions() {
            for (String[] args : List.of(
                    new String[] {"--epochs", "0"},
                    new String[] {"--epochs", "1001"},
                    new String[] {"--learning-rate", "0"},
                    new String[] {"--learning-rate", "NaN"},
                    new String[] {"--timeout", "0"},
                    new String[] {"--reference", "--src", "x"},
                    new String[] {"--src", "x", "--classes", "y"},
                    new String[] {"--epochs", "many"},
                    new String[] {"--bogus"})) {
                String[] all =
                        Stream.concat(Stream.of("train"), Stream.of(args)).toArray(String[]::new);
                Cli run = Cli.run(all);
                assertThat(run.exitCode()).as(String.join(" ", all)).isEqualTo(2);
                assertThat(run.err().lines()).as(String.join(" ", all)).hasSize(1);
            }
        }

        @Test
        @DisplayName("--reference where the kit's reference is not (a handout): says so, exit 2")
        void noReference() {
            Cli run = Cli.run("train", "--reference", "--reference-classes", temp.toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(1).first().asString().contains("--reference is not available");
        }
    }

    @Nested
    @DisplayName("the progress and the pictures")
    class Parts {
        private final Trainer.Epoch epoch = new Trainer.Epoch(1, 0.5, 3, 4);

        @Test
        @DisplayName("on a terminal, one bar redrawn in place with the running loss, cleared at the epoch's end")
        void terminalBar() {
            StringWriter text = new StringWriter();
            Progress progress = new Progress(new PrintWriter(text, true), true);
            progress.epochStarted(2, 10, 32);
            for (int i = 1; i <= 32; i++) {
                progress.stepped(i, 0.25);
            }
            progress.epochFinished(epoch);
            assertThat(text.toString())
                    .contains("\repoch 2/10 [###############···············]  50%  running loss 0.2500")
                    .contains("\repoch 2/10 [##############################] 100%  running loss 0.2500")
                    .endsWith("\r")
                    .doesNotContain("\n");
        }

        @Test
        @DisplayName("otherwise, a plain line at each quarter of an epoch")
        void plainLines() {
            StringWriter text = new StringWriter();
            Progress progress = new Progress(new PrintWriter(text, true), false);
            progress.epochStarted(1, 3, 100);
            for (int i = 1; i <= 100; i++) {
                progress.stepped(i, i / 100.0);
            }
            assertThat(text.toString().lines())
                    .containsExactly(
                            "epoch 1/3: 25% (25 of 100 images), running loss 0.2500",
                            "epoch 1/3: 50% (50 of 100 images), running loss 0.5000",
                            "epoch 1/3: 75% (75 of 100 images), running loss 0.7500");
        }

        @Test
        @DisplayName("each detector on its own grey scale: smallest black, largest white, equal weights mid-grey")
        void greyScale() throws IOException {
            double[][] detector = {{-1, 0, 1}, {0, 0, 0}, {0, 0, 0}};
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(
                    TrainingPictures.detectors(new double[][][] {detector, new double[3][3]})));
            int[] topLeft = cellCentre(image, 0, 0, 0);
            assertThat(rgb(image, topLeft)).isEqualTo(0x000000);
            assertThat(rgb(image, cellCentre(image, 0, 0, 2))).isEqualTo(0xffffff);
            assertThat(rgb(image, cellCentre(image, 0, 1, 1))).isEqualTo(0x808080);
            assertThat(rgb(image, cellCentre(image, 1, 0, 0))).isEqualTo(0x808080);
        }

        @Test
        @DisplayName("the loss chart is drawn for every epoch count, one epoch too")
        void lossChart() throws IOException {
            for (List<Trainer.Epoch> epochs :
                    List.of(List.of(epoch), List.of(epoch, new Trainer.Epoch(2, 0.2, 4, 4)))) {
                BufferedImage chart =
                        ImageIO.read(new java.io.ByteArrayInputStream(TrainingPictures.lossChart(epochs)));
                assertThat(chart.getWidth()).isEqualTo(TrainingPictures.CHART_WIDTH);
            }
        }

        /** @return the pixel at the centre of a cell of detector d (laid out as {@link TrainingPictures} does) */
        private int[] cellCentre(BufferedImage image, int d, int row, int col) {
            int gap = 16;
            int label = 22;
            int tile = 3 * TrainingPictures.CELL;
            int x = gap
                    + (d % TrainingPictures.ACROSS) * (tile + gap)
                    + col * TrainingPictures.CELL
                    + TrainingPictures.CELL / 2;
            int y = label
                    + gap
                    + (d / TrainingPictures.ACROSS) * (tile + label + gap)
                    + row * TrainingPictures.CELL
                    + TrainingPictures.CELL / 2;
            return new int[] {x, y};
        }

        private int rgb(BufferedImage image, int[] at) {
            return image.getRGB(at[0], at[1]) & 0xffffff;
        }
    }

    @Test
    @DisplayName("the same seed gives the same run, byte for byte; another seed another one")
    void deterministic() throws IOException {
        Path src = reference("");
        Cli one = oneEpoch(src, "1", temp.resolve("a"));
        Cli two = oneEpoch(src, "1", temp.resolve("b"));
        Cli other = oneEpoch(src, "2", temp.resolve("c"));
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(epochLines(one)).isEqualTo(epochLines(two)).isNotEqualTo(epochLines(other));
        for (String png : List.of("loss.png", "filters.png")) {
            assertThat(temp.resolve("a").resolve(png))
                    .hasSameBinaryContentAs(temp.resolve("b").resolve(png));
        }
    }

    private static Cli oneEpoch(Path src, String seed, Path out) {
        return Cli.run("train", "--src", src.toString(), "--epochs", "1", "--seed", seed, "--out", out.toString());
    }

    private static List<String> epochLines(Cli run) {
        return run.out()
                .lines()
                .filter(l -> l.startsWith("epoch") || l.startsWith("test accuracy"))
                .toList();
    }
}
