package cnnkit.grader;

import cnnkit.grader.run.CheckResult;
import cnnkit.grader.testing.Submissions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTest {
    @TempDir
    Path temp;

    @Test
    void show() {
        Step[] steps = java.util.Arrays.stream(System.getProperty("steps", "Relu").split(","))
            .map(s -> Step.byName(s).orElseThrow()).toArray(Step[]::new);
        String dir = System.getProperty("src", "../solutions/src/main/java/cnn");
        long t0 = System.nanoTime();
        Path classes = Submissions.compileFolder(Path.of(dir), temp.resolve("c"));
        long t1 = System.nanoTime();
        List<CheckResult> rs = Submissions.runHidden(classes, steps);
        long t2 = System.nanoTime();
        for (CheckResult r : rs) {
            System.out.println(r.status() + " " + r.checkId() + " | " + r.message() + (r.misconception().isEmpty() ? "" : " [" + r.misconception() + "]"));
            if (!r.passed() && Boolean.getBoolean("verbose")) {
                System.out.println("INPUT\n" + r.input() + "\nEXPECTED\n" + r.expected() + "\nACTUAL\n" + r.actual());
            }
        }
        System.out.printf("compile %d ms, run %d ms, %d checks%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, rs.size());
    }
}
