import cnnkit.grader.Grader;
import cnnkit.grader.common.Assignment;
import cnnkit.grader.run.CheckResult;
import cnnkit.grader.run.HiddenTests;
import cnnkit.grader.run.PlannedChecks;
import cnnkit.grader.run.PlannedRunner;
import cnnkit.grader.run.StudentClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark baseline (not part of the kit): the floor of grading one submission, the hidden checks run in this JVM
 * on already compiled classes with no isolation at all (no worker, no sandbox, no compiler JVM, no reports).
 * {@code java -cp cnn-grader.jar:DIR BareChecks CLASSES} prints how many checks passed.
 */
public final class BareChecks {
    public static void main(String[] args) throws Exception {
        List<CheckResult> results = new ArrayList<>();
        try (StudentClassLoader loader = HiddenTests.loader(Path.of(args[0]))) {
            // the way a worker runs them (the built plan, no test engine): the floor is the cheapest way there is
            PlannedRunner.run(
                    loader,
                    PlannedChecks.read(Assignment.FORWARD).orElseThrow(),
                    Grader.testedSteps(Assignment.FORWARD),
                    id -> true,
                    plan -> {},
                    id -> {},
                    results::add);
        }
        long passed = results.stream()
                .filter(r -> r.status() == CheckResult.Status.PASSED)
                .count();
        System.out.println(passed + " of " + results.size() + " checks passed");
    }
}
