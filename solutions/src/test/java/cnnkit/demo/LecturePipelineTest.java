package cnnkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The reference pipeline (the README's main command)")
class LecturePipelineTest {
    @Test
    @DisplayName(
            "prints every step's numbers of the lecture example, marks the illustrative weights, and the NN1/NN2 table")
    void printsEveryStep() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LecturePipeline.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .containsSubsequence(
                        "Input image",
                        "Feature detector",
                        "Convolution",
                        "1 0 0 2 1",
                        "1 4 2 1 0", // feature map rows 3 and 4 (corrected row 3)
                        "ReLU",
                        "Max pooling",
                        "4 2 1",
                        "Flattening",
                        "1 1 0 4 2 1 0 2 1",
                        "ILLUSTRATIVE, NOT FROM THE SLIDES",
                        "1.9 0.9",
                        "Softmax",
                        "0.7311 0.2689",
                        "Cross-entropy",
                        "0.3133",
                        "y − t",
                        "-0.2689",
                        "0.2689",
                        "NN1",
                        "0.3333",
                        "0.2533",
                        "0.3757",
                        "NN2",
                        "0.3333",
                        "0.7067",
                        "1.0567");
    }
}
