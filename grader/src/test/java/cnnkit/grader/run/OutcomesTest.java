package cnnkit.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What the student reads when a check ends in an exception")
class OutcomesTest {
    @Test
    @DisplayName("an exception thrown in the student's code names it, its message and the student's file:line")
    void studentsException() {
        NullPointerException npe = new NullPointerException("Cannot read the array length because \"row\" is null");
        npe.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("cnn.Relu", "apply", "Relu.java", 7),
            new StackTraceElement("cnnkit.hidden.ReluHiddenTest", "check", "ReluHiddenTest.java", 40)
        });

        assertThat(Outcomes.describe(npe))
                .isEqualTo(
                        "your code threw NullPointerException: Cannot read the array length because \"row\" is null (Relu.java:7)");
    }

    @Test
    @DisplayName("a NullPointerException with no frame of the student's code: their method returned null")
    void checkReadingANullResult() {
        NullPointerException npe =
                new NullPointerException("Cannot read the array length because \"<local4>\" is null");
        npe.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("cnnkit.hidden.ReluHiddenTest", "check", "ReluHiddenTest.java", 40)
        });

        assertThat(Outcomes.describe(npe))
                .startsWith("your method returned null")
                .doesNotContain("threw", "<local4>");
    }
}
