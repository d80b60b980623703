package cnnkit.grader.report;

import static cnnkit.grader.report.HandMade.grade;
import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.lecture.Step;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A step's figures over the class")
class StepFiguresTest {
    @Test
    @DisplayName("give the average and how many scored nothing, part or all, for every step in lecture order")
    void figures() {
        List<StepFigures> figures =
                StepFigures.of(List.of(grade("a", false, false), grade("b", true, false), grade("c", true, true)));
        assertThat(figures).extracting(StepFigures::step).containsExactly(Step.values());
        assertThat(figures.get(0)).isEqualTo(new StepFigures(Step.CONVOLUTION, 1.0, 2, 1, 1, 1));
        assertThat(figures.get(0).submissions()).isEqualTo(3);
    }

    @Test
    @DisplayName("count no full marks for a step worth 0 points")
    void worthNothing() {
        StepFigures relu = StepFigures.of(List.of(grade("a", true))).get(Step.RELU.ordinal());
        assertThat(relu.full()).isZero();
        assertThat(relu.zero()).isEqualTo(1);
    }
}
