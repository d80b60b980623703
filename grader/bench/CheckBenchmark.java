import cnnkit.grader.check.BytecodeCheck;
import cnnkit.lecture.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Benchmark of the bytecode check alone (not part of {@code mvn test}): {@code java -cp CLASSPATH
 * CheckBenchmark.java DIR...} checks each compiled submission folder DIR many times in one JVM and prints the first
 * (cold) call and the mean of the warm calls, in milliseconds per submission. Run it through check-benchmark.sh.
 */
public final class CheckBenchmark {
    private static final int WARM_UP = 300;
    private static final int MEASURED = 2000;

    public static void main(String[] args) throws Exception {
        List<Path> dirs = java.util.Arrays.stream(args).map(Path::of).toList();
        long start = System.nanoTime();
        int violations = count(BytecodeCheck.check(dirs.get(0)));
        double cold = (System.nanoTime() - start) / 1e6;
        for (int i = 0; i < WARM_UP; i++) {
            violations += count(BytecodeCheck.check(dirs.get(i % dirs.size())));
        }
        start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            violations += count(BytecodeCheck.check(dirs.get(i % dirs.size())));
        }
        double warm = (System.nanoTime() - start) / 1e6 / MEASURED;
        System.out.printf(
                "bytecode check: first call %.1f ms, then %.3f ms per submission (mean of %d over %d "
                        + "submissions; %d violations seen)%n",
                cold, warm, MEASURED, dirs.size(), violations);
    }

    private static int count(Map<Step, List<String>> report) {
        return report.values().stream().mapToInt(List::size).sum();
    }
}
