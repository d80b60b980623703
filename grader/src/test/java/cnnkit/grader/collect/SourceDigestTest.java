package cnnkit.grader.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnkit.grader.score.Grade;
import cnnkit.grader.score.GradeStatus;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The digest of a submission's graded sources")
class SourceDigestTest {
    private static final String RELU = "package cnn;\nclass Relu {\n    int x = 1;\n}\n";

    @Nested
    @DisplayName("of the files")
    class Files_ {
        @Test
        @DisplayName("ignores whitespace: re-indented and re-wrapped copies have the same digest")
        void whitespace() {
            assertThat(SourceDigest.of(files("Relu.java", RELU)))
                    .isEqualTo(SourceDigest.of(files("Relu.java", "package cnn; class Relu{\r\n\tint x=1;}")))
                    .matches("[0-9a-f]{64}");
        }

        @Test
        @DisplayName("changes with one token or a file's name")
        void tokens() {
            String digest = SourceDigest.of(files("Relu.java", RELU));
            assertThat(SourceDigest.of(files("Relu.java", RELU.replace("1", "2"))))
                    .isNotEqualTo(digest);
            assertThat(SourceDigest.of(files("Helper.java", RELU))).isNotEqualTo(digest);
        }

        @Test
        @DisplayName("is empty when no source was collected")
        void none() {
            assertThat(SourceDigest.of(new TreeMap<>())).isEmpty();
        }

        @Test
        @DisplayName("reads the collected copies of steps and helpers")
        void fromSources(@TempDir Path dir) throws IOException {
            Path relu = Files.writeString(dir.resolve("Relu.java"), RELU);
            Path helper = Files.writeString(dir.resolve("Util.java"), "package cnn; class Util {}");
            Sources sources = new Sources(Map.of(Step.RELU, relu), List.of(helper), List.of(), List.of());
            TreeMap<String, String> same = files("Relu.java", RELU);
            same.put("Util.java", "package cnn; class Util {}");
            assertThat(SourceDigest.of(sources)).isEqualTo(SourceDigest.of(same));
        }
    }

    @Nested
    @DisplayName("in a grade")
    class InAGrade {
        @Test
        @DisplayName("is 64 hex digits or empty (null, from an older grade.json, reads as empty)")
        void format() {
            assertThat(grade(null).sourceDigest()).isEmpty();
            assertThatThrownBy(() -> grade("<script>"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("64 lower-case hex digits");
        }
    }

    @Test
    @DisplayName("is kept in grade.json and by a rescore, so the class report needs no sources later")
    void stored(@TempDir Path dir) throws IOException {
        List<cnnkit.grader.score.StepScore> steps = java.util.Arrays.stream(Step.values())
                .map(s -> new cnnkit.grader.score.StepScore(s, 0, 1, List.of()))
                .toList();
        String digest = SourceDigest.of(files("Relu.java", RELU));
        Grade g = new Grade("a", GradeStatus.GRADED, "", steps, List.of(), List.of(), List.of(), "", 0, digest);
        cnnkit.grader.report.GradeStore.write(dir, g);
        Grade read = cnnkit.grader.report.GradeStore.read(dir).orElseThrow();
        assertThat(read.sourceDigest()).isEqualTo(digest);
        assertThat(cnnkit.grader.report.GradeStore.rescore(read, cnnkit.grader.score.Rubric.defaults())
                        .sourceDigest())
                .isEqualTo(digest);
    }

    private static TreeMap<String, String> files(String name, String text) {
        return new TreeMap<>(Map.of(name, text));
    }

    private static Grade grade(String digest) {
        return new Grade("a", GradeStatus.NO_SOURCES, "", List.of(), List.of(), List.of(), List.of(), "", 0, digest);
    }
}
