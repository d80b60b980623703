package cnnkit.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.Step;
import cnnkit.lecture.LectureData;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The walkthrough's mistake recogniser")
class LectureMistakesTest {
    private final MistakeRecogniser recogniser = new LectureMistakes();

    @Test
    @DisplayName("names average pooling from the averages of the lecture's windows")
    void averagePooling() {
        Grid rectified = new Grid(LectureData.rectifiedMap());
        // windows of the lecture's map: (0+1+0+1)/4, (0+0+1+1)/4, (0+0)/2 | (1+0+1+4)/4, (0+2+2+1)/4, (1+0)/2 | ...
        Grid averaged = new Grid(new double[][] {{0.5, 0.5, 0}, {1.5, 1.25, 0.5}, {0, 1.5, 1}});

        assertThat(recogniser.recognise(Step.MAX_POOLING, "pool", List.of(rectified), averaged))
            .contains(LectureMistakes.AVERAGE_POOLING);
        Grid maxPooled = new Grid(LectureData.pooledMap());
        assertThat(recogniser.recognise(Step.MAX_POOLING, "pool", List.of(rectified), maxPooled)).isEmpty();
    }

    @Test
    @DisplayName("names flattening column by column")
    void flatteningByColumns() {
        Grid pooled = new Grid(LectureData.pooledMap()); // [[1,1,0],[4,2,1],[0,2,1]]: columns 1,4,0 | 1,2,2 | 0,1,1

        Grid byColumns = Grid.row(1, 4, 0, 1, 2, 2, 0, 1, 1);
        assertThat(recogniser.recognise(Step.FLATTENING, "flatten", List.of(pooled), byColumns))
            .contains(LectureMistakes.FLATTEN_BY_COLUMNS);
        assertThat(recogniser.recognise(Step.FLATTENING, "flatten", List.of(pooled), Grid.row(LectureData.flattened())))
            .isEmpty();
    }

    @Test
    @DisplayName("every mistake it names has a hint")
    void everyNameHasAHint() {
        Hints hints = Hints.load();

        assertThat(List.of(LectureMistakes.FLIPPED_KERNEL, LectureMistakes.AVERAGE_POOLING,
            LectureMistakes.FLATTEN_BY_COLUMNS)).allSatisfy(id -> assertThat(hints.hint(id)).isPresent());
    }
}
