package cnnkit.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import cnnkit.summary.StepSummaryListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What a student reads after {@code mvn test}: the summary listener run through the JUnit Platform on the
 * {@code summaryfixture} classes (step test classes with known outcomes), Max pooling's before Convolution's.
 */
@DisplayName("The test output a student reads")
class StepSummaryListenerTest {
    private static String output;

    @BeforeAll
    static void runFixtures() {
        output = run("MaxPoolingTest", "ConvolutionTest", "ReluTest");
    }

    /** @return what the listener prints for these fixture classes of package summaryfixture */
    private static String run(String... fixtures) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
        System.setProperty("cnnkit.summaryFixtures", "true");
        try {
            launcher.execute(
                    LauncherDiscoveryRequestBuilder.request()
                            .selectors(Arrays.stream(fixtures)
                                    .map(f -> selectClass("summaryfixture." + f))
                                    .toList())
                            .build(),
                    new StepSummaryListener(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        } finally {
            System.clearProperty("cnnkit.summaryFixtures");
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("each failed check is printed once, with its display names from the step down")
    void eachFailureOnceWithItsSentence() {
        assertThat(count("FAILED ")).as(output).isEqualTo(3);
        assertThat(count("pooling crashes in your code")).as(output).isEqualTo(1);
        assertThat(output).contains("FAILED Step 2 — Max pooling > small cases > pooling crashes in your code\n");
        assertThat(output).doesNotContain("pooling passes").doesNotContain("relu passes");
    }

    @Test
    @DisplayName("failures come in lecture order, whatever order the classes ran in")
    void lectureOrder() {
        assertThat(output.indexOf("convolution throws the wrong exception"))
                .as(output)
                .isPositive()
                .isLessThan(output.indexOf("pooling crashes in your code"));
    }

    @Test
    @DisplayName("a crash shows the file:line of the student's code, without test, JUnit or JDK frames")
    void crashShowsStudentLines() {
        assertThat(output)
                .contains("  java.lang.ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 5\n"
                        + "    at cnn.MaxPooling.windowMax(MaxPooling.java:88)   <- your code\n"
                        + "    at cnn.MaxPooling.pool(MaxPooling.java:47)\n");
        assertThat(output)
                .doesNotContain("org.junit")
                .doesNotContain("MaxPoolingTest.java")
                .doesNotContain("Expect.java")
                .doesNotContain("jdk.internal");
    }

    @Test
    @DisplayName("an assertion caused by the student's exception names it and shows its lines")
    void causeShown() {
        assertThat(output)
                .contains("  your code threw java.lang.NullPointerException: featureMap is null\n"
                        + "    at cnn.MaxPooling.windowMax(MaxPooling.java:88)   <- your code\n");
    }

    @Test
    @DisplayName("a step's first failure is printed in full, the others in one line")
    void laterFailuresBrief() {
        assertThat(output)
                .contains("FAILED Step 2 — Max pooling > small cases > pooling gives a wrong value\n"
                        + "  pool(map) of negative cells\n\n");
    }

    @Test
    @DisplayName("of a step's many failures, the first in full, two in one line each, the rest counted")
    void manyFailuresCounted() {
        String many = run("FlatteningTest", "ReluTest");

        assertThat(many).contains("flatten(map) 1", "flattening wrong 3").doesNotContain("flattening wrong 4");
        assertThat(many).contains("  ... and 3 more of Flattening (mvn test -Dtest=FlatteningTest shows them all)");
    }

    @Test
    @DisplayName("while another step fails, Training's failures (it runs every step) are counted in its row only")
    void trainingWaitsForTheOtherSteps() {
        String both = run("FlatteningTest", "TrainingTest");
        assertThat(both)
                .doesNotContain("training went wrong")
                .containsPattern("Training +0 / 1 +in progress \\(it runs your steps: fix those above first\\)");
        String alone = run("ReluTest", "TrainingTest");
        assertThat(alone).contains("FAILED Part 2 — Training > training fails", "training went wrong");
    }

    @Test
    @DisplayName("\"not implemented\" failures are counted in the table, not printed")
    void notImplementedNotPrinted() {
        assertThat(output).doesNotContain("convolution is not implemented").doesNotContain("is not implemented yet");
        assertThat(output).containsPattern("Convolution +0 / 2 +in progress");
    }

    @Test
    @DisplayName("the table comes last and never says \"done\": a step whose public checks pass says just that")
    void tableLast() {
        assertThat(output.lastIndexOf("FAILED")).isLessThan(output.indexOf("Progress by step"));
        assertThat(output)
                .containsPattern("Relu +1 / 1 +public checks pass")
                .containsPattern("MaxPooling +1 / 3 +in progress")
                .doesNotContain("done");
        assertThat(output)
                .contains("1 of 3 steps: public checks pass; the grade runs more hidden checks of the same contract.");
        List<String> lines = output.lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("  Next: mvn test -Dtest=ConvolutionTest   (that step only)");
    }

    private static int count(String text) {
        Matcher m = Pattern.compile(Pattern.quote(text)).matcher(output);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
