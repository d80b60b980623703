package cnnkit.walkthrough;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Learners' compiled classes for the walkthrough's tests, compiled once per test JVM with javax.tools into
 * {@code target/walkthrough-learners/}: the solutions (correct), the stubs (unfinished), and the solutions with one
 * file replaced by a wrong version kept in the test resources.
 */
final class Learners {
    private static final Path SOLUTIONS = Path.of("../solutions/src/main/java/cnn");
    private static final Path STUBS = Path.of("../exercises/src/main/java/cnn");
    /** Given code (cnn.Network, which Training needs), compiled with every learner as a student's build does. */
    private static final Path GIVEN = Path.of("../exercises/src/given/java/cnn");

    private static final Path OUT = Path.of("target/walkthrough-learners");
    private static final Map<String, Path> COMPILED = new HashMap<>();

    private Learners() {}

    /** @return the reference solutions, compiled */
    static Path correct() {
        return compiled("correct", SOLUTIONS, Map.of());
    }

    /** @return the exercise stubs, compiled: every step throws "not implemented" */
    static Path unfinished() {
        return compiled("unfinished", STUBS, Map.of());
    }

    /** @return the solutions with Convolution replaced by one that turns the kernel by 180° */
    static Path flippedKernel() {
        return compiled(
                "flipped-kernel",
                SOLUTIONS,
                Map.of("Convolution.java", resource("/cnnkit/walkthrough/flipped-kernel/Convolution.java")));
    }

    /**
     * @return the solutions with one class replaced by the given source, and without Training (a replaced step may
     *     lack the backward passes Training calls; the walk never calls Training)
     */
    static synchronized Path compiled(String name, Path base, Map<String, String> replaced) {
        return COMPILED.computeIfAbsent(name, n -> {
            try {
                Path src = Files.createDirectories(OUT.resolve(n + "-src/cnn"));
                Path classes = OUT.resolve(n);
                List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-nowarn"));
                try (Stream<Path> files = Stream.concat(Files.list(base), Files.list(GIVEN))) {
                    for (Path p : files.filter(f -> f.toString().endsWith(".java"))
                            .filter(f -> replaced.isEmpty() || !f.endsWith("Training.java"))
                            .toList()) {
                        String file = p.getFileName().toString();
                        Path copy = src.resolve(file);
                        Files.writeString(copy, replaced.getOrDefault(file, Files.readString(p)));
                        args.add(copy.toString());
                    }
                }
                if (ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)) != 0) {
                    throw new IllegalStateException("the test learner '" + n + "' does not compile");
                }
                return classes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static String resource(String name) {
        try (var in = Learners.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
