package cnnkit.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The playground: your numbers through your steps")
class PlaygroundTest {
    private static final Path LECTURE = Path.of("..", "lecture-data");

    private static Cli play(Path classes, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "playground",
                "--classes",
                classes.toString(),
                "--image",
                LECTURE.resolve("Convolution/image.csv").toString(),
                "--detector",
                LECTURE.resolve("Convolution/feature-detector.csv").toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    @DisplayName("shows every intermediate result, through the dense layer, softmax, the loss and its gradient")
    void everyStep() {
        Cli run = play(
                Learners.correct(),
                "--weights",
                LECTURE.resolve("FullConnection/weights.csv").toString(),
                "--bias",
                LECTURE.resolve("FullConnection/bias.csv").toString(),
                "--target",
                "1,0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("== Step 1 — Convolution.convolve(image, detector, stride 1, padding 0)")
                .contains("your result 5x5:", "  1 4 2 1 0", "== Step 1(b) — Relu.apply(feature map)")
                .contains("== Step 2 — MaxPooling.pool", "your result 3x3:", "  4 2 1", "== Step 3 — Flattening")
                .contains("your result 1x9:", "  1 1 0 4 2 1 0 2 1")
                .contains("== Step 4 — FullConnection.forward", "1.9", "0.9", "== Extra 1 — Softmax.apply(scores)")
                .contains("0.7311", "== Extra 2 — CrossEntropy.loss", "0.3133", "y − t", "-0.2689");
    }

    @Test
    @DisplayName("without --weights it stops after flattening and says how to go on")
    void stopsAfterFlattening() {
        Cli run = play(Learners.correct(), "--stride", "2");

        assertThat(run.out())
                .contains("stride 2, padding 0", "your result 3x3:", "== Step 3 — Flattening.flatten")
                .contains("Give --weights (one row per output, 4 values each)")
                .doesNotContain("FullConnection");
    }

    @Test
    @DisplayName("a step not implemented yet stops the playground there, saying why")
    void stopsAtAStub() {
        Cli run = play(Learners.unfinished());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("your code not implemented yet")
                .contains("the playground stops here")
                .doesNotContain("Relu.apply");
    }

    @Test
    @DisplayName("a file that is not a matrix is one line and exit 2")
    void badFile(@TempDir Path temp) throws IOException {
        Path ragged = Files.writeString(temp.resolve("ragged.csv"), "1,2\n3\n");

        Cli run = Cli.run(
                "playground",
                "--classes",
                Learners.correct().toString(),
                "--image",
                ragged.toString(),
                "--detector",
                ragged.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1).first().asString().contains("ragged.csv", "ragged");
    }
}
