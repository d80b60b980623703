package cnnkit.hidden;

import static org.assertj.core.api.Assertions.assertThat;

import cnn.Relu;
import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden checks of Step 1(b), ReLU. (Wiring placeholder: the full set comes with the misconception catalogue.) */
@DisplayName("Step 1(b) — ReLU")
class ReluHiddenTest {
    @Test
    @DisplayName("the lecture's feature map is unchanged by ReLU")
    void lectureFeatureMap() {
        assertThat(Relu.apply(LectureData.featureMap())).isDeepEqualTo(LectureData.rectifiedMap());
    }

    @Test
    @DisplayName("negative cells become 0")
    void negativeCellsBecomeZero() {
        assertThat(Relu.apply(new double[][] {{-1, 2}})).isDeepEqualTo(new double[][] {{0, 2}});
    }
}
