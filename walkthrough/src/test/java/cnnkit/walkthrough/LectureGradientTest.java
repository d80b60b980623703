package cnnkit.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnkit.lecture.LectureData;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The backward walk's gradients and steps")
class LectureGradientTest {
    @Nested
    @DisplayName("the gradient table the build ships")
    class Table {
        @Test
        @DisplayName("reads back exactly what it wrote")
        void roundTrip() throws IOException {
            Map<LectureGradient, Grid> grids = new EnumMap<>(LectureGradient.class);
            for (LectureGradient g : LectureGradient.values()) {
                grids.put(g, new Grid(new double[][] {{g.ordinal() + 0.1, -0.0}, {Double.NaN, 1e-300}}));
            }
            StringBuilder csv = new StringBuilder();
            LectureGradient.write(grids, csv);

            assertThat(LectureGradient.read(new StringReader(csv.toString()))).isEqualTo(grids);
        }

        @Test
        @DisplayName("refuses a table that lacks a gradient or names one it does not know")
        void refusesBadTables() {
            assertThatThrownBy(() -> LectureGradient.read(new StringReader("gradient,values\nIMAGE,1 2\n")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has no row PROBABILITIES");
            assertThatThrownBy(() -> LectureGradient.read(new StringReader("gradient,values\nBIAS,1\n")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("holds the gradients of the lecture's shapes, and −t / y at the probabilities")
        void shapes() {
            assertThat(LectureGradient.IMAGE.grid().shape()).isEqualTo("7x7");
            assertThat(LectureGradient.DETECTOR.grid().shape()).isEqualTo("3x3");
            assertThat(LectureGradient.FEATURE_MAP.grid().shape()).isEqualTo("5x5");
            assertThat(LectureGradient.POOLED_MAP.grid().shape()).isEqualTo("3x3");
            assertThat(LectureGradient.WEIGHTS.grid().shape()).isEqualTo("2x9");
            assertThat(LectureGradient.PROBABILITIES.grid().vector())
                    .containsExactly(-1 / LectureData.probabilities()[0], 0);
        }
    }

    @Nested
    @DisplayName("the backward steps by name")
    class Names {
        @Test
        @DisplayName("--step takes B2, Back 2, back 1(b), BE1 or MaxPoolingBackward; no forward label or other step")
        void backwardStep() {
            assertThat(Walkthrough.backwardStep("B2")).contains(Step.MAX_POOLING);
            assertThat(Walkthrough.backwardStep("Back 2")).contains(Step.MAX_POOLING);
            assertThat(Walkthrough.backwardStep("back 1(b)")).contains(Step.RELU);
            assertThat(Walkthrough.backwardStep("BE1")).contains(Step.SOFTMAX);
            assertThat(Walkthrough.backwardStep("MaxPoolingBackward")).contains(Step.MAX_POOLING);
            assertThat(Walkthrough.backwardStep("2")).isEmpty();
            assertThat(Walkthrough.backwardStep("BE2")).isEmpty();
            assertThat(Walkthrough.backwardStep(null)).isEmpty();
        }

        @Test
        @DisplayName("a step without a backward pass in the walk has no backward scene")
        void noBackwardScene() {
            Walkthrough walk = new Walkthrough(LectureAnswers.INSTANCE, Duration.ofSeconds(1), Map.of());

            assertThatThrownBy(() -> walk.backwardScene(Step.ERROR_MEASURES))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ErrorMeasures has no backward pass");
            assertThat(walk.backwardScene(Step.RELU).name()).isEqualTo("ReluBackward");
            assertThat(walk.backwardScene(Step.RELU).label()).isEqualTo("Back 1(b)");
        }

        @Test
        @DisplayName("the demo answers the backward walk's calls only: other inputs are refused")
        void demoRefuses() {
            assertThatThrownBy(() -> LectureAnswers.INSTANCE.poolBackward(
                            LectureData.rectifiedMap(), new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lecture's example");
        }
    }
}
