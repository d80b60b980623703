package cnnkit.grader.report;

import static cnnkit.grader.report.HandMade.grade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The score histogram's buckets")
class ScoreHistogramTest {
    @Test
    @DisplayName("put 0 % in the first bucket, 50 % in the sixth and a full score in the last")
    void buckets() {
        int[] counts = ScoreHistogram.counts(List.of(
                grade("zero", false, false),
                grade("half", true, false),
                grade("full", true, true),
                grade("full2", true, true)));
        assertThat(counts).containsExactly(1, 0, 0, 0, 0, 1, 0, 0, 0, 2);
    }

    @Test
    @DisplayName("count a submission whose maximum is 0 as 0 %")
    void noMaximum() {
        assertThat(ScoreHistogram.counts(List.of(grade("none")))[0]).isEqualTo(1);
    }

    @Test
    @DisplayName("are labelled 0–9% … 90–100%, and there is no eleventh")
    void labels() {
        assertThat(ScoreHistogram.label(0)).isEqualTo("0–9%");
        assertThat(ScoreHistogram.label(9)).isEqualTo("90–100%");
        assertThatThrownBy(() -> ScoreHistogram.label(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bucket 10");
    }
}
