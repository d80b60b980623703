package cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The student's own test: not student code to grade (it needs JUnit, which the grader does not hand it). */
class ReluTest {
    @Test
    void negativeBecomesZero() {
        assertEquals(0.0, Relu.apply(new double[][] {{-1}})[0][0]);
    }
}
