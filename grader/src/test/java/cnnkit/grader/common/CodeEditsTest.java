package cnnkit.grader.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnkit.grader.common.CodeEdits.Key;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A code-edit spec (header keys, then find/replace blocks naming their file)")
class CodeEditsTest {
    private static final List<Key> KEYS = List.of(Key.required("about"), Key.optional("base"), Key.repeatable("drop"));

    private static final String RELU = """
        class Relu {
            double apply(double x) {
                return x > 0 ? x : 0.0;
            }
            double[] copy(double[] s) {
                return s.clone();
            }
            double[] same(double[] s) {
                return s.clone();
            }
        }
        """;

    private static final String SOFTMAX = """
        class Softmax {
            double max = 0;
        }
        """;

    private static CodeEdits parse(String text) {
        return CodeEdits.parse("spec.txt", text, KEYS);
    }

    @Nested
    @DisplayName("reading")
    class Reading {
        @Test
        @DisplayName("the header gives each key's values, blank lines and comments skipped; each block its file, lines"
                + " and line number")
        void readsHeaderAndBlocks() {
            CodeEdits spec = parse("""
                # a comment

                about: relu takes abs: of course wrong
                drop: A.java
                drop: B.java
                --- find Relu.java
                        return x > 0 ? x : 0.0;
                +++ replace
                        return Math.abs(x);
                """);
            assertThat(spec.value("about")).isEqualTo("relu takes abs: of course wrong");
            assertThat(spec.values("drop")).containsExactly("A.java", "B.java");
            assertThat(spec.value("base")).isNull();
            assertThat(spec.values("base")).isEmpty();
            assertThat(spec.edits())
                    .containsExactly(new CodeEdits.Edit(
                            "Relu.java", "        return x > 0 ? x : 0.0;\n", "        return Math.abs(x);\n", 6));
        }

        @Test
        @DisplayName("a spec may have no block at all")
        void headerOnly() {
            assertThat(parse("about: nothing to change\n").edits()).isEmpty();
        }

        @Test
        @DisplayName("a key the caller did not allow is rejected, naming the spec, the line and the allowed keys")
        void unknownKey() {
            assertThatThrownBy(() -> parse("about: a\nzip\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll("spec.txt line 2", "'about: ...', 'base: ...', 'drop: ...'", "got 'zip'");
            assertThatThrownBy(() -> parse("about: a\nstep: Relu\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("got 'step: Relu'");
        }

        @Test
        @DisplayName("a required key that is missing or empty is rejected; a single key may not stand twice")
        void missingOrRepeatedKey() {
            assertThatThrownBy(() -> parse("base: cnn\n--- find A.java\nx\n+++ replace\ny\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll("spec.txt line 2", "needs 'about: <value>'");
            assertThatThrownBy(() -> parse("about:\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs 'about: <value>'");
            assertThatThrownBy(() -> parse("about: a\nbase: x\nbase: y\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll("line 3", "'base:' stands twice");
        }

        @Test
        @DisplayName("a find line naming no file, a block without replace, a stray marker or an unchanged block is"
                + " rejected")
        void malformedBlocks() {
            assertThatThrownBy(() -> parse("about: a\n--- find\nx\n+++ replace\ny\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll("line 2", "names no file");
            assertThatThrownBy(() -> parse("about: a\n--- find A.java\nx\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("without its '+++ replace'");
            assertThatThrownBy(() -> parse("about: a\n--- find A.java\nx\n+++ replaced\ny\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll("line 4", "got '+++ replaced'");
            assertThatThrownBy(() -> parse("about: a\n--- find A.java\nx\n+++ replace\nx\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll("line 2", "change it");
        }

        @Test
        @DisplayName("a spec with CRLF line endings reads like one with LF")
        void crlfSpec() {
            String lf = "about: a\n--- find A.java\n    x\n+++ replace\n    y\n";
            assertThat(parse(lf.replace("\n", "\r\n"))).isEqualTo(parse(lf));
        }
    }

    @Nested
    @DisplayName("applying")
    class Applying {
        @Test
        @DisplayName("the blocks of each named file replace their whole lines in order; other files are untouched")
        void multiFile() {
            CodeEdits spec = parse("""
                about: two files
                --- find Relu.java
                        return x > 0 ? x : 0.0;
                +++ replace
                        return Math.abs(x);
                --- find Softmax.java
                    double max = 0;
                +++ replace
                    double max = 1;
                    double min = 0;
                --- find Relu.java
                        return Math.abs(x);
                +++ replace
                        return -x;
                """);
            assertThat(spec.files()).containsExactly("Relu.java", "Softmax.java");
            assertThat(spec.apply("Relu.java", RELU)).isEqualTo(RELU.replace("x > 0 ? x : 0.0", "-x"));
            assertThat(spec.apply("Softmax.java", SOFTMAX))
                    .isEqualTo(SOFTMAX.replace("    double max = 0;\n", "    double max = 1;\n    double min = 0;\n"));
            assertThat(spec.apply("Other.java", RELU)).isSameAs(RELU);
        }

        @Test
        @DisplayName("a block without replace lines deletes its find lines")
        void deletion() {
            CodeEdits spec = parse("about: a\n--- find Softmax.java\n    double max = 0;\n+++ replace\n");
            assertThat(spec.apply("Softmax.java", SOFTMAX)).isEqualTo("class Softmax {\n}\n");
        }

        @Test
        @DisplayName("a find text that is not in the file fails, naming the spec, the block, its line and the file")
        void missingFind() {
            CodeEdits spec = parse("about: a\n--- find Relu.java\n        return x;\n+++ replace\n        return 0;\n");
            assertThatThrownBy(() -> spec.apply("Relu.java", RELU))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContainingAll(
                            "spec.txt: find block 1 of 1 (line 2) occurs 0 times in Relu.java", "update spec.txt");
        }

        @Test
        @DisplayName("a find text that stands twice fails instead of picking one")
        void ambiguousFind() {
            CodeEdits spec = parse(
                    "about: a\n--- find Relu.java\n        return s.clone();\n+++ replace\n" + "        return s;\n");
            assertThatThrownBy(() -> spec.apply("Relu.java", RELU))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContainingAll("occurs 2 times in Relu.java", "make it unique");
        }

        @Test
        @DisplayName("a find text matches whole lines only, not the end of a longer line")
        void wholeLinesOnly() {
            CodeEdits spec = parse("about: a\n--- find Relu.java\nreturn s.clone();\n+++ replace\nreturn s;\n");
            assertThatThrownBy(() -> spec.apply("Relu.java", RELU)).hasMessageContaining("occurs 0 times");
        }

        @Test
        @DisplayName("a source with CRLF line endings is matched and keeps them")
        void crlfSource() {
            CodeEdits spec = parse("about: a\n--- find Softmax.java\n    double max = 0;\n+++ replace\n"
                    + "    double max = 1;\n    double min = 0;\n");
            assertThat(spec.apply("Softmax.java", SOFTMAX.replace("\n", "\r\n")))
                    .isEqualTo("class Softmax {\r\n    double max = 1;\r\n    double min = 0;\r\n}\r\n");
        }
    }
}
