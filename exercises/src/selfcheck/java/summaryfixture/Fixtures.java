package summaryfixture;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Public tests as the summary listener sees them, with known outcomes, for {@code StepSummaryListenerTest} only: each
 * class is named like a step's test class. They run only when that test sets {@value #PROPERTY}, so that an IDE's
 * "run all tests" does not report their failures. Not a {@code *Test} file: surefire never picks them up.
 */
final class Fixtures {
    static final String PROPERTY = "cnnkit.summaryFixtures";

    private Fixtures() {}

    /** An exception of "your code": its stack has frames of cnn.MaxPooling under frames of JUnit and the JDK. */
    static RuntimeException crash(String exception) {
        RuntimeException e = exception.equals("npe")
                ? new NullPointerException("featureMap is null")
                : new ArrayIndexOutOfBoundsException("Index 5 out of bounds for length 5");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("cnn.MaxPooling", "windowMax", "MaxPooling.java", 88),
            new StackTraceElement("cnn.MaxPooling", "pool", "MaxPooling.java", 47),
            new StackTraceElement("cnn.MaxPoolingTest$Small", "edge", "MaxPoolingTest.java", 30),
            new StackTraceElement("cnn.Expect", "matrix", "Expect.java", 12),
            new StackTraceElement(
                    "org.junit.platform.commons.util.ReflectionUtils", "invokeMethod", "ReflectionUtils.java", 728),
            new StackTraceElement("java.base/jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2)
        });
        return e;
    }
}

@DisplayName("Step 2 — Max pooling")
@EnabledIfSystemProperty(named = Fixtures.PROPERTY, matches = "true")
class MaxPoolingTest {
    @Nested
    @DisplayName("small cases")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Small {
        @Test
        @Order(1)
        @DisplayName("pooling passes")
        void passes() {}

        @Test
        @Order(2)
        @DisplayName("pooling crashes in your code")
        void crashes() {
            throw Fixtures.crash("aioobe");
        }

        @Test
        @Order(3)
        @DisplayName("pooling gives a wrong value")
        void wrong() {
            throw new AssertionError("pool(map) of negative cells\n  expected    -3\n  your result 0");
        }
    }
}

@DisplayName("Step 1 — Convolution")
@EnabledIfSystemProperty(named = Fixtures.PROPERTY, matches = "true")
class ConvolutionTest {
    @Test
    @DisplayName("convolution is not implemented")
    void notImplemented() {
        throw new UnsupportedOperationException("Step 1 (Convolution) is not implemented yet — see the stub");
    }

    @Test
    @DisplayName("convolution throws the wrong exception")
    void wrongException() {
        throw new AssertionError(
                "convolve(null) must throw IllegalArgumentException\n  expected "
                        + "IllegalArgumentException, got java.lang.NullPointerException",
                Fixtures.crash("npe"));
    }
}

@DisplayName("Step 1(b) — ReLU")
@EnabledIfSystemProperty(named = Fixtures.PROPERTY, matches = "true")
class ReluTest {
    @Test
    @DisplayName("relu passes")
    void passes() {}
}

@DisplayName("Step 3 — Flattening")
@EnabledIfSystemProperty(named = Fixtures.PROPERTY, matches = "true")
class FlatteningTest {
    @Test
    @DisplayName("flattening wrong 1")
    void wrong1() {
        throw new AssertionError("flatten(map) 1");
    }

    @Test
    @DisplayName("flattening wrong 2")
    void wrong2() {
        throw new AssertionError("flatten(map) 2");
    }

    @Test
    @DisplayName("flattening wrong 3")
    void wrong3() {
        throw new AssertionError("flatten(map) 3");
    }

    @Test
    @DisplayName("flattening wrong 4")
    void wrong4() {
        throw new AssertionError("flatten(map) 4");
    }

    @Test
    @DisplayName("flattening wrong 5")
    void wrong5() {
        throw new AssertionError("flatten(map) 5");
    }

    @Test
    @DisplayName("flattening wrong 6")
    void wrong6() {
        throw new AssertionError("flatten(map) 6");
    }
}

@DisplayName("Part 2 — Training")
@EnabledIfSystemProperty(named = Fixtures.PROPERTY, matches = "true")
class TrainingTest {
    @Test
    @DisplayName("training fails")
    void fails() {
        throw new AssertionError("training went wrong");
    }
}
