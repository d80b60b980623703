package cnnkit.grader.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnkit.lecture.Step;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A check id, <Step>.<method>")
class CheckIdTest {
    @Test
    @DisplayName("is made from a hidden test method, nested classes counting as their top class")
    void fromTestMethod() {
        assertThat(CheckId.ofTestMethod("cnnkit.hidden.MaxPoolingHiddenTest$Windows", "partialWindowsKept"))
                .contains(new CheckId(Step.MAX_POOLING, "partialWindowsKept"));
        assertThat(CheckId.ofTestMethod("cnnkit.hidden.ReluHiddenTest", "keepsPositives"))
                .map(CheckId::toString)
                .contains("Relu.keepsPositives");
        assertThat(CheckId.ofTestMethod("cnnkit.hidden.support.ExpectTest", "x"))
                .isEmpty();
        assertThat(CheckId.ofTestMethod("cnnkit.hidden.NoSuchStepHiddenTest", "x"))
                .isEmpty();
    }

    @Test
    @DisplayName("reads back what it writes, and nothing that is not <known step>.<one name>")
    void parse() {
        CheckId id = new CheckId(Step.CROSS_ENTROPY, "sureAndRight");

        assertThat(CheckId.parse(id.toString())).contains(id);
        assertThat(CheckId.parse("Relu")).isEmpty();
        assertThat(CheckId.parse("Relu.")).isEmpty();
        assertThat(CheckId.parse("Relu.a.b")).isEmpty();
        assertThat(CheckId.parse("Pooling.x")).isEmpty();
        assertThat(CheckId.parse(null)).isEmpty();
    }

    @Test
    @DisplayName("refuses a missing step and a blank or dotted method name")
    void refusesBadParts() {
        assertThatThrownBy(() -> new CheckId(null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckId(Step.RELU, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckId(Step.RELU, "a.b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<Step>.<method>");
    }
}
