package cnnkit.grader.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cnnkit.grader.run.CheckResult;
import cnnkit.grader.run.CheckResult.Status;
import cnnkit.grader.run.HiddenTestRunner;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The rubric")
class RubricTest {
    private static Rubric parse(String csv) throws IOException {
        return Rubric.parse(new StringReader(csv), "test.csv");
    }

    @Nested
    @DisplayName("the default rubric")
    class Default {
        @Test
        @DisplayName("gives every hidden check points, and points only to hidden checks")
        void matchesTheHiddenChecks() {
            Set<String> checks = HiddenTestRunner.discover(RubricTest.class.getClassLoader(), List.of(Step.values()))
                    .keySet();
            Rubric rubric = Rubric.defaults();
            rubric.validate(checks);
            assertThat(rubric.checks().keySet()).containsExactlyInAnyOrderElementsOf(checks);
        }

        @Test
        @DisplayName("of Part 2 gives every Part 2 hidden check points, each unit some, summing to 100")
        void backpropMatchesItsHiddenChecks() {
            cnnkit.grader.common.Assignment backprop = cnnkit.grader.common.Assignment.BACKPROP;
            Set<String> checks = HiddenTestRunner.discover(
                            RubricTest.class.getClassLoader(), backprop, backprop.steps())
                    .keySet();
            Rubric rubric = Rubric.defaults(backprop);
            rubric.validate(checks);
            assertThat(rubric.checks().keySet()).containsExactlyInAnyOrderElementsOf(checks);
            assertThat(rubric.assignment()).isEqualTo(backprop);
            double sum = 0;
            for (Step s : backprop.steps()) {
                assertThat(rubric.stepTotal(s)).as(s.className()).isPositive();
                sum += rubric.stepTotal(s);
            }
            assertThat(sum).isEqualTo(100.0, within(1e-9));
            assertThat(rubric.stepTotal(Step.ERROR_MEASURES)).isZero();
        }

        @Test
        @DisplayName("gives every step points, the steps' totals summing to 100")
        void stepTotalsSumTo100() {
            Rubric rubric = Rubric.defaults();
            double sum = 0;
            for (Step s : Step.values()) {
                assertThat(rubric.stepTotal(s)).as(s.className()).isPositive();
                sum += rubric.stepTotal(s);
            }
            assertThat(sum).isEqualTo(100.0);
        }

        @Test
        @DisplayName("gives a step the points of its passed checks only (partial credit)")
        void partialCredit() {
            Rubric rubric = Rubric.defaults();
            CheckResult passed =
                    new CheckResult("Relu.lectureFeatureMap", Step.RELU, "", Status.PASSED, "", "", "", "", "");
            CheckResult failed = CheckResult.notPassed("Relu.singleCell", Step.RELU, "", Status.FAILED, "wrong");
            Map<Step, Double> earned = rubric.earned(List.of(passed, failed));
            assertThat(earned.get(Step.RELU)).isEqualTo(rubric.points("Relu.lectureFeatureMap"));
            assertThat(earned.get(Step.CONVOLUTION)).isZero();
        }
    }

    @Nested
    @DisplayName("an instructor's rubric")
    class Instructor {
        @Test
        @DisplayName("is read from a file")
        void readsAFile(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("rubric.csv");
            Files.writeString(file, "check_id,step,points\nRelu.a,Relu,60\nSoftmax.b,Softmax,40\n");
            Rubric rubric = Rubric.load(file);
            assertThat(rubric.stepTotal(Step.RELU)).isEqualTo(60.0);
            assertThat(rubric.stepTotal(Step.CONVOLUTION)).isZero();
        }

        @Test
        @DisplayName("is rejected if its points do not add up to 100")
        void rejectsWrongTotal() {
            assertThatThrownBy(() -> parse("check_id,step,points\nRelu.a,Relu,60\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("add up to 60");
        }

        @Test
        @DisplayName("is rejected with the line for an unknown step, a foreign check id, bad points or a duplicate")
        void rejectsBadRows() {
            assertThatThrownBy(() -> parse("check_id,step,points\nPool.a,Pool,100\n"))
                    .hasMessageContaining("line 2")
                    .hasMessageContaining("unknown step 'Pool'");
            assertThatThrownBy(() -> parse("check_id,step,points\nSoftmax.a,Relu,100\n"))
                    .hasMessageContaining("should be Relu.<check>");
            assertThatThrownBy(() -> parse("check_id,step,points\nRelu.a,Relu,-1\n"))
                    .hasMessageContaining("0 or more");
            assertThatThrownBy(() -> parse("check_id,step,points\nRelu.a,Relu,ten\n"))
                    .hasMessageContaining("not a number");
            assertThatThrownBy(() -> parse("check_id,step,points\nRelu.a,Relu,50\nRelu.a,Relu,50\n"))
                    .hasMessageContaining("appears twice");
            assertThatThrownBy(() -> parse("check,step,points\nRelu.a,Relu,100\n"))
                    .hasMessageContaining("missing column 'check_id'");
        }

        @Test
        @DisplayName("scores one assignment: Part 2's units are read as Part 2, a mix of both parts is rejected")
        void oneAssignment() throws IOException {
            assertThat(parse("check_id,step,points\nReluBackward.a,ReluBackward,100\n")
                            .assignment())
                    .isEqualTo(cnnkit.grader.common.Assignment.BACKPROP);
            assertThat(parse("check_id,step,points\nRelu.a,Relu,100\n").assignment())
                    .isEqualTo(cnnkit.grader.common.Assignment.FORWARD);
            assertThatThrownBy(() -> parse("check_id,step,points\nRelu.a,Relu,50\nReluBackward.a,ReluBackward,50\n"))
                    .hasMessageContaining("line 3")
                    .hasMessageContaining("a rubric scores one assignment");
            assertThatThrownBy(() -> parse("check_id,step,points\nRelu.a,ReluBackward,100\n"))
                    .hasMessageContaining("should be ReluBackward.<check>");
            assertThat(Rubric.defaults(cnnkit.grader.common.Assignment.BACKPROP).stepTotal(Step.CROSS_ENTROPY))
                    .as("Training, in CrossEntropy's slot")
                    .isEqualTo(20.0, within(1e-9));
        }

        @Test
        @DisplayName("that misses hidden checks or names unknown ones is rejected by validate, naming them")
        void validateNamesTheDifferences() throws IOException {
            Rubric rubric = parse("check_id,step,points\nRelu.a,Relu,50\nRelu.b,Relu,50\n");
            assertThatThrownBy(() -> rubric.validate(List.of("Relu.a", "Relu.c")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no hidden check 'Relu.b' (did you mean 'Relu.c'?)")
                    .hasMessageContaining("no points for Relu.c");
        }

        @Test
        @DisplayName("suggests the nearest hidden check only when it is a plausible typo")
        void nearest() {
            List<String> known = List.of("Relu.lectureFeatureMap", "Relu.negativesBecomeZero", "Softmax.sumsToOne");
            assertThat(Nearest.among("Relu.lectureFeaturMap", known)).contains("Relu.lectureFeatureMap");
            assertThat(Nearest.among("relu.negativesbecomezero", known)).contains("Relu.negativesBecomeZero");
            assertThat(Nearest.among("Relu.somethingElseEntirely", known)).isEmpty();
            assertThat(Nearest.distance("kitten", "sitting")).isEqualTo(3);
        }
    }
}
