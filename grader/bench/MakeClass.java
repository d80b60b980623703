import cnnkit.grader.cli.SampleClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Benchmark input: {@code java -cp cnn-grader.jar MakeClass.java WORK N} writes WORK/class with N submissions, taken
 * round-robin from the sample class's correct, partial and misconception submissions (a realistic mix of passing and
 * failing checks), and WORK/one, a single correct submission for the naive and the floor measurements.
 */
public final class MakeClass {
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path sample = work.resolve("sample");
        List<String> kinds = SampleClass.materialise(cnnkit.grader.common.Assignment.FORWARD, sample).stream()
                .filter(s -> !s.zip() && s.id().matches("(correct|partial|mis)-.*"))
                .map(SampleClass.Sample::id)
                .collect(Collectors.toList());
        for (int i = 0; i < n; i++) {
            String kind = kinds.get(i % kinds.size());
            copyTree(sample.resolve(kind), work.resolve("class").resolve(String.format("s%03d-%s", i + 1, kind)));
        }
        copyTree(sample.resolve("correct-plain/cnn"), work.resolve("one/cnn"));
        System.out.println(n + " submissions from " + kinds.size() + " kinds in " + work.resolve("class"));
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
