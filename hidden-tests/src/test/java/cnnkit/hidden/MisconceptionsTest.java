package cnnkit.hidden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnkit.hidden.support.BackwardWrongOracles;
import cnnkit.hidden.support.Misconceptions;
import cnnkit.hidden.support.Misconceptions.Misconception;
import cnnkit.hidden.support.WrongOracles;
import cnnkit.lecture.Step;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The misconception catalogue")
class MisconceptionsTest {
    /** The misconceptions the hidden tests must recognise at least (issue "Hidden tests with a misconception catalogue"). */
    private static final List<String> REQUIRED = List.of(
            "kernel-flipped",
            "same-size-output",
            "output-off-by-one",
            "stride-ignored",
            "padding-ignored",
            "padding-one-side",
            "bias-ignored",
            "pooling-drops-partial-windows",
            "average-pooling",
            "max-starts-at-zero",
            "flatten-column-by-column",
            "relu-absolute-value",
            "relu-wrong-side",
            "weights-transposed",
            "dense-bias-forgotten",
            "softmax-overflow",
            "softmax-without-exp",
            "log-base-10",
            "log-base-2",
            "zero-log-zero-nan",
            "gradient-sign-flipped",
            "gradient-skips-softmax",
            "mse-averaged-over-cells",
            "cross-entropy-summed",
            "accuracy-instead-of-error",
            "argmax-last-on-ties",
            "relu-in-place",
            "softmax-in-place",
            "dense-bias-in-place",
            "gradient-in-place",
            // Part 2: backward passes
            "image-gradient-not-flipped",
            "backward-stride-ignored",
            "image-gradient-padding-kept",
            "bias-gradient-averaged",
            "relu-gradient-passes-at-zero",
            "relu-gradient-from-its-sign",
            "pool-gradient-spread",
            "pool-gradient-to-every-tie",
            "pool-gradient-overwritten",
            "weight-gradient-transposed");

    @Test
    @DisplayName("lists every required misconception, each with a step, a way to recognise it and a hint")
    void listsTheRequiredMisconceptions() {
        Misconceptions catalogue = Misconceptions.load();
        assertThat(catalogue.all()).extracting(Misconception::id).containsAll(REQUIRED);
        for (Misconception m : catalogue.all()) {
            assertThat(Step.byName(m.step()).isPresent() || Step.backwardUnits().contains(m.step()))
                    .as(m.id() + " step " + m.step() + " is a step of Part 1 or a backward unit of Part 2")
                    .isTrue();
            assertThat(m.recognisedBy()).as(m.id()).isIn("output", "input-changed");
            assertThat(m.hint()).as(m.id() + " hint").hasSizeGreaterThan(40).doesNotContain("cnnkit");
        }
    }

    @Test
    @DisplayName("names, for every entry, a wrong oracle in WrongOracles (Part 1) or BackwardWrongOracles (Part 2)")
    void everyEntryHasAWrongOracle() {
        for (Misconception m : Misconceptions.load().all()) {
            Class<?> oracles = Step.byName(m.step()).isPresent() ? WrongOracles.class : BackwardWrongOracles.class;
            List<String> methods =
                    Arrays.stream(oracles.getMethods()).map(Method::getName).toList();
            assertThat(methods).as(m.id()).contains(m.oracle());
        }
    }

    @Test
    @DisplayName("groups the entries by step and finds hints by id")
    void lookups() {
        Misconceptions catalogue = Misconceptions.load();
        assertThat(catalogue.ofStep("MaxPooling"))
                .extracting(Misconception::id)
                .containsExactly("pooling-drops-partial-windows", "average-pooling", "max-starts-at-zero");
        assertThat(catalogue.hint("kernel-flipped")).contains("180");
        assertThat(catalogue.hint("no-such-id")).isEmpty();
    }

    @Test
    @DisplayName("rejects a catalogue with a duplicate id or a missing hint")
    void rejectsBadCatalogues() {
        String header = "id,step,recognised_by,oracle,hint\n";
        assertThatThrownBy(() ->
                        Misconceptions.parse(new StringReader(header + "a,Relu,output,relu,h\na,Relu,output,relu,h\n")))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> Misconceptions.parse(new StringReader(header + "a,Relu,output,relu,\n")))
                .hasMessageContaining("no hint");
    }
}
