package cnnkit.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnkit.lecture.LectureData;
import cnnkit.lecture.Step;
import cnnkit.walkthrough.Scene.Verdict;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The learners' jar answers from data")
class MistakeTableTest {
    private final MistakeTable shipped = MistakeTable.load();
    private final CatalogueMistakes oracles = new CatalogueMistakes();

    @Nested
    @DisplayName("the mistake table built from the wrong oracles")
    class Table {
        @Test
        @DisplayName("names every mistake's result on every check of the walk as the oracles do, with their hint")
        void agreesWithTheOracles() {
            List<MistakeTable.Row> rows = MistakeTableWriter.rows();

            assertThat(rows).isNotEmpty();
            for (MistakeTable.Row r : rows) {
                String named = oracles.recognise(r.step(), r.method(), r.inputs(), r.output())
                        .orElseThrow();
                assertThat(shipped.recognise(r.step(), r.method(), r.inputs(), r.output()))
                        .as(r.misconception())
                        .contains(named);
                assertThat(shipped.hint(named)).isEqualTo(oracles.hint(named)).isNotEmpty();
            }
        }

        @Test
        @DisplayName("knows a check of every step, and nothing for inputs the walk never uses")
        void coversTheWalk() {
            assertThat(MistakeTableWriter.rows().stream()
                            .map(MistakeTable.Row::step)
                            .distinct())
                    .containsExactlyInAnyOrder(Step.values());
            Grid pooled = new Grid(LectureData.pooledMap());
            Grid other = new Grid(new double[][] {{1, 2}, {3, 4}});
            Grid columnByColumn = Grid.row(oracles.all(Step.FLATTENING, "flatten", List.of(pooled)).stream()
                    .filter(w -> w.misconception().equals("flatten-column-by-column"))
                    .map(w -> (double[]) w.output())
                    .findFirst()
                    .orElseThrow());

            assertThat(shipped.recognise(Step.FLATTENING, "flatten", List.of(pooled), columnByColumn))
                    .contains("flatten-column-by-column");
            assertThat(shipped.recognise(Step.FLATTENING, "flatten", List.of(other), Grid.row(1, 3, 2, 4)))
                    .isEmpty();
        }

        @Test
        @DisplayName("reads back exactly what it wrote (cells, NaN and infinities included)")
        void roundTrip() throws IOException {
            Grid odd = new Grid(new double[][] {{0.1 + 0.2, Double.NaN}, {Double.NEGATIVE_INFINITY, -0.0}});
            MistakeTable.Row row =
                    new MistakeTable.Row(Step.RELU, "apply", List.of(odd), "some-id", odd, "a hint, with \"quotes\"");
            StringBuilder csv = new StringBuilder();
            MistakeTable.write(List.of(row), csv);

            MistakeTable read = MistakeTable.read(new StringReader(csv.toString()));
            assertThat(read.recognise(Step.RELU, "apply", List.of(odd), odd)).contains("some-id");
            assertThat(read.hint("some-id")).isEqualTo("a hint, with \"quotes\"");
            assertThat(MistakeTable.grid(MistakeTable.text(odd))).isEqualTo(odd);
        }
    }

    @Nested
    @DisplayName("the demo's lecture answers")
    class Demo {
        @Test
        @DisplayName("walk the whole lecture right")
        void walkIsRight() {
            List<Scene> scenes = new Walkthrough(LectureAnswers.INSTANCE, Duration.ofSeconds(10), Map.of()).walk();

            assertThat(scenes).hasSize(Walkthrough.SCENES).allMatch(s -> s.verdict() == Verdict.RIGHT);
        }

        @Test
        @DisplayName("compute nothing: an input the lecture does not have is refused")
        void refuseOtherInputs() {
            assertThatThrownBy(() -> LectureAnswers.INSTANCE.pool(new double[][] {{1, 2}, {3, 4}}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lecture's example");
            assertThatThrownBy(() ->
                            LectureAnswers.INSTANCE.convolve(LectureData.image(), LectureData.featureDetector(), 1, 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(LectureAnswers.INSTANCE.pool(LectureData.rectifiedMap())).isDeepEqualTo(LectureData.pooledMap());
        }
    }
}
