package cnnkit.hidden.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cnnkit.lecture.LectureData;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Feedback of a hidden check")
class ExpectTest {
    private static final double[][] IMAGE = LectureData.image();
    private static final double[][] DETECTOR = LectureData.featureDetector();

    private static CheckFailure convolutionFailure(double[][] studentResult) {
        return catchThrowableOfType(
                CheckFailure.class,
                () -> Expect.given("image", IMAGE, "featureDetector", DETECTOR)
                        .expecting(LectureData.featureMap(), WrongOracles.convolve(IMAGE, DETECTOR, 1, 0))
                        .check(() -> studentResult));
    }

    @Nested
    @DisplayName("for a wrong result")
    class WrongResult {
        @Test
        @DisplayName("passes when the result is right within the tolerance")
        void passesWhenRight() {
            double[][] almost = LectureData.featureMap();
            almost[0][1] += 1e-12;
            assertThatCode(() ->
                            Expect.given().expecting(LectureData.featureMap()).check(() -> almost))
                    .doesNotThrowAnyException();
        }

        @Test
        @DisplayName("counts the differing cells, shows the first and names the flipped kernel")
        void namesTheFlippedKernel() {
            CheckFailure f = convolutionFailure(Oracle.convolve(IMAGE, WrongOracles.rotate(DETECTOR), 1, 0));
            assertThat(f.getMessage())
                    .matches(
                            "\\d+ of 25 cells differ, e\\.g\\. row \\d, col \\d: expected \\d, got \\d \\(rows and cols from 1\\)");
            assertThat(f.misconception()).isEqualTo("kernel-flipped");
            assertThat(f.input()).startsWith("image:").contains("featureDetector:");
            assertThat(f.actual()).contains("*");
            assertThat(f.expected()).doesNotContain("*").contains("4");
        }

        @Test
        @DisplayName("says when the shape is wrong, and recognises the 'same' output size")
        void saysWhenTheShapeIsWrong() {
            double[][] same = Oracle.slide(Oracle.pad(IMAGE, 1, 1, 1, 1), DETECTOR, 1);
            CheckFailure f = convolutionFailure(same);
            assertThat(f.getMessage()).isEqualTo("expected a 5x5 matrix, got a 7x7 matrix");
            assertThat(f.misconception()).isEqualTo("same-size-output");
        }

        @Test
        @DisplayName("names no misconception for a result no wrong oracle explains")
        void noMisconceptionForAnUnknownMistake() {
            double[][] other = LectureData.featureMap();
            other[4][4] = 9;
            CheckFailure f = convolutionFailure(other);
            assertThat(f.getMessage())
                    .isEqualTo("1 of 25 cells differs, e.g. row 5, col 5: expected 1, got 9 (rows and cols from 1)");
            assertThat(f.misconception()).isNull();
        }

        @Test
        @DisplayName("summarises a large input instead of printing it")
        void summarisesLargeInputs() {
            double[][] big = new double[10][10];
            CheckFailure f = catchThrowableOfType(
                    CheckFailure.class,
                    () -> Expect.given("featureMap", big).expecting(1.0).check(() -> 2.0));
            assertThat(f.input()).contains("a 10x10 matrix, values from 0 to 0");
            assertThat(f.getMessage()).isEqualTo("expected 1, got 2");
        }
    }

    @Nested
    @DisplayName("for bad arguments")
    class BadArguments {
        @Test
        @DisplayName("fails when the call returns instead of throwing IllegalArgumentException")
        void failsWhenNothingIsThrown() {
            CheckFailure f = catchThrowableOfType(
                    CheckFailure.class,
                    () -> Expect.given("stride", 0).rejects("the stride is 0", () -> new double[1][1]));
            assertThat(f.getMessage())
                    .isEqualTo("should throw IllegalArgumentException because the stride is 0, "
                            + "but returned a 1x1 matrix");
        }

        @Test
        @DisplayName("fails on an IllegalArgumentException without a message, or another exception")
        void failsOnBlankMessageOrOtherException() {
            assertThat(catchThrowableOfType(
                                    CheckFailure.class,
                                    () -> Expect.given().rejects("x", () -> {
                                        throw new IllegalArgumentException(" ");
                                    }))
                            .getMessage())
                    .startsWith("IllegalArgumentException without a message");
            assertThat(catchThrowableOfType(
                                    CheckFailure.class,
                                    () -> Expect.given().rejects("x", () -> {
                                        throw new NullPointerException();
                                    }))
                            .getMessage())
                    .startsWith("threw NullPointerException instead of IllegalArgumentException");
        }
    }

    @Test
    @DisplayName("names the step's 'in place' misconception when an input was changed")
    void recognisesChangedInputs() {
        double[] scores = {1, 2};
        CheckFailure f = catchThrowableOfType(
                CheckFailure.class,
                () -> Expect.given("scores", scores)
                        .leavesInputsUnchanged("softmax-in-place", () -> WrongOracles.softmaxInPlace(scores)));
        assertThat(f.misconception()).isEqualTo("softmax-in-place");
        assertThat(f.getMessage()).startsWith("your method changed its input scores");
    }

    @Test
    @DisplayName("stops a call that does not return in time, with a TimeoutException as the cause")
    void stopsEndlessCalls() {
        Student.StudentTimeout t = catchThrowableOfType(
                Student.StudentTimeout.class,
                () -> Student.call(() -> {
                    Thread.sleep(60_000); // interrupted when abandoned, so it does not linger
                    return 0;
                }));
        assertThat(t.getCause()).isInstanceOf(TimeoutException.class);
        assertThat(Student.call(() -> 42)).isEqualTo(42); // the next call gets a fresh thread
    }
}
