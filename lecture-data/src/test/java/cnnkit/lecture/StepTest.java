package cnnkit.lecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The list of steps")
class StepTest {
    @Test
    @DisplayName("follows the lecture: Steps 1 to 4, then the extras, each name its class and its file")
    void lectureOrder() {
        assertThat(Arrays.stream(Step.values()).map(Step::label))
                .containsExactly("Step 1", "Step 1(b)", "Step 2", "Step 3", "Step 4", "Extra 1", "Extra 2", "Extra 3");
        assertThat(Step.MAX_POOLING.studentClass()).isEqualTo("cnn.MaxPooling");
        assertThat(Step.MAX_POOLING.sourceFile()).isEqualTo("MaxPooling.java");
        assertThat(Step.byName("MaxPooling")).contains(Step.MAX_POOLING);
        assertThat(Step.byName("maxpooling")).isEmpty();
        assertThat(Step.names()).startsWith("Convolution, Relu, MaxPooling").endsWith("CrossEntropy, ErrorMeasures");
    }

    @Test
    @DisplayName(
            "names a backward pass for every step that has one in Part 2, none for the loss and the error measures")
    void backwardPasses() {
        assertThat(Step.MAX_POOLING.backwardName()).contains("MaxPoolingBackward");
        assertThat(Step.MAX_POOLING.backwardLabel()).contains("Back 2");
        assertThat(Step.SOFTMAX.backwardLabel()).contains("Back E1");
        assertThat(Step.CROSS_ENTROPY.backwardName()).isEmpty();
        assertThat(Step.ERROR_MEASURES.backwardLabel()).isEmpty();
        assertThat(Arrays.stream(Step.values()).filter(s -> s.backwardName().isPresent()))
                .hasSize(6);
    }

    @Test
    @DisplayName("is found by the lecture's number (2, 1b, E1, \"Step 1(b)\", \"Extra 3\") or by its name, in any case")
    void byLabel() {
        assertThat(Step.byLabel("2")).contains(Step.MAX_POOLING);
        assertThat(Step.byLabel("1b")).contains(Step.RELU);
        assertThat(Step.byLabel("1(b)")).contains(Step.RELU);
        assertThat(Step.byLabel("Step 1(b)")).contains(Step.RELU);
        assertThat(Step.byLabel("E1")).contains(Step.SOFTMAX);
        assertThat(Step.byLabel("Extra 3")).contains(Step.ERROR_MEASURES);
        assertThat(Step.byLabel("maxpooling")).contains(Step.MAX_POOLING);
        for (Step step : Step.values()) {
            assertThat(Step.byLabel(step.label())).contains(step);
            assertThat(Step.byLabel(step.className())).contains(step);
        }
        assertThat(Step.numbers()).isEqualTo("1, 1b, 2, 3, 4, E1, E2, E3");
        assertThat(Step.byLabel("5")).isEmpty();
        assertThat(Step.byLabel("")).isEmpty();
        assertThat(Step.byLabel(null)).isEmpty();
    }
}
