package cnnkit.grader.common;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.report.Gradebook;
import cnnkit.lecture.Step;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An assignment: Part 1 (forward) or Part 2 (backprop)")
class AssignmentTest {
    @Test
    @DisplayName("Part 1's units are the steps; Part 2's the backward passes and Training, in CrossEntropy's slot")
    void units() {
        assertThat(Assignment.FORWARD.units())
                .isEqualTo(List.of(Step.values()).stream().map(Step::className).toList());
        assertThat(Assignment.BACKPROP.units()).isEqualTo(Step.backwardUnits());
        assertThat(Assignment.BACKPROP.units())
                .containsExactly(
                        "ConvolutionBackward",
                        "ReluBackward",
                        "MaxPoolingBackward",
                        "FlatteningBackward",
                        "FullConnectionBackward",
                        "SoftmaxBackward",
                        "Training");
        assertThat(Assignment.BACKPROP.unit(Step.CROSS_ENTROPY)).contains("Training");
        assertThat(Assignment.BACKPROP.unit(Step.ERROR_MEASURES)).isEmpty();
        assertThat(Assignment.BACKPROP.label(Step.MAX_POOLING)).isEqualTo("Back 2");
        assertThat(Assignment.BACKPROP.label(Step.CROSS_ENTROPY)).isEqualTo("Train");
        assertThat(Assignment.BACKPROP.sourceFile(Step.CROSS_ENTROPY)).isEqualTo("Training.java");
        assertThat(Assignment.BACKPROP.sourceFile(Step.RELU)).isEqualTo("Relu.java");
    }

    @Test
    @DisplayName("a unit's name leads back to its assignment and slot; ids are read in any case")
    void slotsAndIds() {
        for (Assignment a : Assignment.values()) {
            for (Step s : a.steps()) {
                assertThat(Assignment.slotOf(a.unit(s).orElseThrow())).contains(new Assignment.Slot(a, s));
            }
        }
        assertThat(Assignment.slotOf("Pooling")).isEmpty();
        assertThat(Assignment.byId("BackProp")).contains(Assignment.BACKPROP);
        assertThat(Assignment.byId("part2")).isEmpty();
        assertThat(Assignment.byId(null)).isEmpty();
        assertThat(Assignment.ids()).isEqualTo("forward, backprop");
    }

    @Test
    @DisplayName("Part 2's check ids name their unit and never parse as Part 1's")
    void checkIds() {
        CheckId id = CheckId.parse("MaxPoolingBackward.tiesGoToTheFirstInRowMajorOrder")
                .orElseThrow();
        assertThat(id.assignment()).isEqualTo(Assignment.BACKPROP);
        assertThat(id.step()).isEqualTo(Step.MAX_POOLING);
        assertThat(id).hasToString("MaxPoolingBackward.tiesGoToTheFirstInRowMajorOrder");
        assertThat(CheckId.ofTestMethod("cnnkit.hidden.TrainingHiddenTest$OneStep", "oneStepLowersTheLoss"))
                .map(CheckId::toString)
                .contains("Training.oneStepLowersTheLoss");
        assertThat(CheckId.parse("MaxPooling.tiesGoToTheFirstInRowMajorOrder")
                        .orElseThrow()
                        .assignment())
                .isEqualTo(Assignment.FORWARD);
    }

    @Test
    @DisplayName("the gradebook's header: Part 1's as it always was, Part 2's with its units")
    void gradebookHeaders() {
        assertThat(String.join(",", Gradebook.header()))
                .isEqualTo("submission,status,score,max_score,Convolution,Relu,MaxPooling,Flattening,FullConnection,"
                        + "Softmax,CrossEntropy,ErrorMeasures");
        assertThat(Gradebook.header(Assignment.FORWARD)).isEqualTo(Gradebook.header());
        assertThat(String.join(",", Gradebook.header(Assignment.BACKPROP)))
                .isEqualTo("submission,status,score,max_score,ConvolutionBackward,ReluBackward,MaxPoolingBackward,"
                        + "FlatteningBackward,FullConnectionBackward,SoftmaxBackward,Training");
    }
}
