package cnnkit.grader.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnkit.grader.common.CodeEdits;
import cnnkit.lecture.Step;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A mutant spec (find/replace blocks on a solution file)")
class MutantTest {
    private static final String SOURCE = """
        class Softmax {
            double[] apply(double[] s) {
                double max = s[0];
                out[i] = Math.exp(s[i] - max);
                return out;
            }
            double[] copy(double[] s) {
                return out;
            }
        }
        """;

    /** Two blocks on {@link #SOURCE}: softmax without exp, then a deletion. */
    private static final String NO_EXP = """
        # a comment
        step: Softmax
        description: no exp
        --- find Softmax.java
                out[i] = Math.exp(s[i] - max);
        +++ replace
                out[i] = s[i];
        --- find Softmax.java
                double max = s[0];
        +++ replace
        """;

    private static Mutant parse(String text) {
        return Mutant.parse("m", text);
    }

    @Nested
    @DisplayName("reading")
    class Reading {
        @Test
        @DisplayName("the header gives the step and description; each block its find and replace lines")
        void readsHeaderAndBlocks() {
            Mutant m = parse(NO_EXP);
            assertThat(m.step()).isEqualTo(Step.SOFTMAX);
            assertThat(m.description()).isEqualTo("no exp");
            assertThat(m.edits())
                    .containsExactly(
                            new CodeEdits.Edit(
                                    "Softmax.java",
                                    "        out[i] = Math.exp(s[i] - max);\n",
                                    "        out[i] = s[i];\n",
                                    4),
                            new CodeEdits.Edit("Softmax.java", "        double max = s[0];\n", "", 8));
        }

        @Test
        @DisplayName("a spec without step, with an unknown step, without blocks, editing another file or with an"
                + " unchanged block is rejected")
        void rejectsMalformedSpecs() {
            assertThatThrownBy(() -> parse("description: d\n--- find Softmax.java\nx\n+++ replace\ny\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("step:");
            assertThatThrownBy(() -> parse("step: Pooling\ndescription: d\n--- find Softmax.java\nx\n+++ replace\ny\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown step 'Pooling'");
            assertThatThrownBy(() -> parse("step: Relu\ndescription: d\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no '--- find Relu.java' block");
            assertThatThrownBy(() -> parse("step: Relu\ndescription: d\n--- find Softmax.java\nx\n+++ replace\ny\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("line 3")
                    .hasMessageContaining("edits Relu.java only, not Softmax.java");
            assertThatThrownBy(() -> parse("step: Relu\ndescription: d\n--- find Softmax.java\nx\n+++ replace\nx\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("line 3")
                    .hasMessageContaining("change it");
            assertThatThrownBy(() -> parse("step: Relu\ndescription: d\n--- find Softmax.java\nx\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("without its '+++ replace'");
        }

        @Test
        @DisplayName("every spec of the catalogue's mutants parses")
        void everyStoredSpecParses() {
            assertThat(Mutant.ids())
                    .isNotEmpty()
                    .allSatisfy(id -> assertThat(Mutant.load(id).id()).isEqualTo(id));
        }
    }

    @Nested
    @DisplayName("applying")
    class Applying {
        @Test
        @DisplayName("each block replaces its whole lines, in order")
        void replacesWholeLines() {
            Mutant m = parse(NO_EXP);
            assertThat(m.applyTo(SOURCE, "Softmax.java"))
                    .isEqualTo(
                            SOURCE.replace("        double max = s[0];\n", "").replace("Math.exp(s[i] - max)", "s[i]"));
        }

        @Test
        @DisplayName("a find text that is not in the source fails, naming the mutant, the block and the file")
        void missingFindFails() {
            applyFails(
                    "--- find Softmax.java\n        double max = s[0];\n+++ replace\n        double max = 0;\n"
                            + "--- find Softmax.java\n        out[i] = Math.exp(s[i]);\n+++ replace\n        out[i] = 1;\n",
                    "mutant m on Softmax.java: ",
                    "find block 2 of 2 (line 7) occurs 0 times in Softmax.java");
        }

        @Test
        @DisplayName("a find text that stands twice fails instead of picking one")
        void ambiguousFindFails() {
            applyFails(
                    "--- find Softmax.java\n        return out;\n+++ replace\n        return s;\n", "occurs 2 times");
        }

        @Test
        @DisplayName("a find text matches whole lines only, not the end of a longer line")
        void matchesWholeLinesOnly() {
            applyFails("--- find Softmax.java\nreturn out;\n+++ replace\nreturn null;\n", "occurs 0 times");
        }

        private void applyFails(String blocks, String... message) {
            Mutant m = parse("step: Softmax\ndescription: d\n" + blocks);
            assertThatThrownBy(() -> m.applyTo(SOURCE, "Softmax.java"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContainingAll(message);
        }
    }
}
