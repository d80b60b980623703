package cnnkit.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import cnnkit.lecture.Step;
import cnnkit.summary.StepSummaryListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The kit's own check of what students get (not shipped to them): the stubs compile (this module builds) and every
 * public test in package {@code cnn} fails on them with the stub's "not implemented" exception — no public test
 * passes by accident on an empty implementation, and none fails for another reason (a broken test or lecture file).
 * That the same public tests pass against the reference is checked in {@code solutions/}.
 *
 * <p>The public tests run here through the JUnit Platform Launcher, as a student's {@code mvn test} runs them, so this
 * test also shows the per-step summary a student would see at the start.
 */
@DisplayName("The exercises as a student gets them")
class StubsFailAsNotImplementedTest {
    private static final Map<String, TestExecutionResult> RESULTS = new LinkedHashMap<>();
    private static String summary;

    @BeforeAll
    static void runPublicTests() {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        PrintStream tableOut = new PrintStream(table, true, StandardCharsets.UTF_8);
        // No auto-registered listeners: the summary goes to our stream, not into this run's output.
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
        launcher.execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectPackage("cnn"))
                        .filters(includeClassNamePatterns(".*Test"))
                        .build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        if (test.isTest()) {
                            RESULTS.put(test.getUniqueId(), result);
                        }
                    }
                },
                new StepSummaryListener(tableOut));
        summary = table.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("every public test fails on the stubs with UnsupportedOperationException \"not implemented\"")
    void everyPublicTestFailsAsNotImplemented() {
        assertThat(RESULTS).as("public tests found in package cnn").hasSizeGreaterThanOrEqualTo(30);
        RESULTS.forEach((id, result) -> {
            assertThat(result.getStatus()).as(id).isEqualTo(TestExecutionResult.Status.FAILED);
            Throwable thrown = result.getThrowable().orElseThrow();
            assertThat(thrown).as(id).isInstanceOf(UnsupportedOperationException.class);
            assertThat(thrown.getMessage()).as(id).contains("not implemented yet — see exercises/src/main/java/cnn/");
        });
    }

    @Test
    @DisplayName("every step has public tests, and the summary shows each as not started")
    void summaryShowsEveryStepNotStarted() {
        List<String> rows = new ArrayList<>();
        Arrays.stream(Step.values()).forEach(step -> rows.add(step.className()));
        rows.addAll(Step.backwardUnits());
        for (String step : rows) {
            assertThat(summary).as(summary).containsPattern(" " + step + " +0 / +[1-9][0-9]* +not started");
        }
        assertThat(summary).contains("0 of " + rows.size() + " steps: public checks pass");
        assertThat(summary)
                .as("not-implemented failures are counted, not printed")
                .doesNotContain("FAILED");
    }
}
