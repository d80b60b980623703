package cnnkit.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.run.CheckResult.Status;
import cnnkit.lecture.Step;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules a job's frames must keep: each test breaks one rule, and the worker's own sequence keeps them all. */
@DisplayName("The results channel's rules")
class FrameRulesTest {
    private static final String NONCE = "n0nce";
    private static final String A = "Relu.a";
    private static final String B = "Relu.b";
    private static final String C = "Relu.c";

    private FrameRules rules;

    @BeforeEach
    void newJob() {
        rules = new FrameRules(NONCE, List.of("Relu"), List.of(C));
    }

    private static Frame plan(String... ids) {
        return new Frame(
                Frame.PLAN,
                null,
                java.util.Arrays.stream(ids)
                        .map(id -> result(id, Status.NOT_RUN))
                        .toList(),
                null);
    }

    private static Frame started(String id) {
        return new Frame(Frame.STARTED, id, null, null);
    }

    private static Frame passed(String id) {
        return new Frame(Frame.RESULT, null, List.of(result(id, Status.PASSED)), null);
    }

    private static CheckResult result(String id, Status status) {
        return new CheckResult(id, Step.RELU, id, status, "", "", "", "", "");
    }

    private static Frame done() {
        return new Frame(Frame.DONE, null, null, Frame.REUSABLE);
    }

    private String send(Frame... frames) {
        for (Frame f : frames) {
            String broken = rules.check(NONCE, f);
            if (broken != null) {
                return broken;
            }
        }
        return null;
    }

    @Test
    @DisplayName("accept the worker's own sequence: plan, started and result per check, output, done")
    void acceptTheWorkersSequence() {
        assertThat(send(
                        plan(A, B),
                        started(A),
                        new Frame(Frame.OUTPUT, null, null, "hi"),
                        passed(A),
                        started(B),
                        passed(B),
                        done()))
                .isNull();
    }

    @Test
    @DisplayName("accept a result without a start for a check that never started (skipped, its class failed)")
    void acceptResultOfACheckThatNeverStarted() {
        assertThat(send(plan(A, B), started(A), passed(A), passed(B), done())).isNull();
    }

    @Test
    @DisplayName("accept the end of a job after the worker's own failure, before every result")
    void acceptDoneAfterFatal() {
        assertThat(send(plan(A, B), started(A), new Frame(Frame.FATAL, null, null, "broken"), done()))
                .isNull();
    }

    @Nested
    @DisplayName("refuse, naming the broken rule,")
    class Refuse {
        @Test
        @DisplayName("a frame with another nonce (e.g. the last job's)")
        void wrongNonce() {
            assertThat(rules.check("old", plan(A))).contains("nonce");
        }

        @Test
        @DisplayName("a line that is not a frame")
        void notAFrame() {
            assertThat(rules.check(NONCE, null)).contains("not a frame");
        }

        @Test
        @DisplayName("a result or done before the plan")
        void beforeThePlan() {
            assertThat(send(passed(A))).contains("before the plan");
            newJob();
            assertThat(send(done())).contains("before the plan");
        }

        @Test
        @DisplayName("a plan with a check of a step not asked for, a check to skip, or a check twice; a second plan")
        void badPlans() {
            assertThat(send(plan("Softmax.a"))).contains("not asked");
            newJob();
            assertThat(send(plan(A, C))).contains("not asked");
            newJob();
            assertThat(send(plan(A, A))).contains("not asked");
            newJob();
            assertThat(send(plan(A), plan(A))).contains("second plan");
        }

        @Test
        @DisplayName("a result for a check not in the plan")
        void unknownId() {
            assertThat(send(plan(A), passed("Relu.x"))).contains("not in the plan");
        }

        @Test
        @DisplayName("a second result for the same check")
        void duplicate() {
            assertThat(send(plan(A, B), started(A), passed(A), passed(A))).contains("second result");
        }

        @Test
        @DisplayName("a result for another check than the one running")
        void resultForAnotherCheck() {
            assertThat(send(plan(A, B), started(A), passed(B))).contains("while Relu.a was running");
        }

        @Test
        @DisplayName("a check started out of the plan's order, twice, or while another runs")
        void startedOutOfOrder() {
            assertThat(send(plan(A, B), started(B), passed(B), started(A))).contains("out of order");
            newJob();
            assertThat(send(plan(A, B), started(A), started(B))).contains("out of order");
            newJob();
            assertThat(send(plan(A, B), started(A), passed(A), started(A))).contains("out of order");
        }

        @Test
        @DisplayName("the end of the job before every planned check has its result")
        void earlyDone() {
            assertThat(send(plan(A, B), started(A), passed(A), done())).contains("before every planned check");
        }

        @Test
        @DisplayName("anything after the end of the job, and frames of unknown type")
        void afterDoneAndUnknown() {
            assertThat(send(plan(A), started(A), passed(A), done(), passed(A))).contains("after the end");
            newJob();
            assertThat(send(plan(A), new Frame("score", null, null, "100"))).contains("unknown type");
        }
    }
}
