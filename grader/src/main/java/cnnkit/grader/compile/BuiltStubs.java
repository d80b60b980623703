package cnnkit.grader.compile;

import cnnkit.grader.common.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The exercise stubs compiled when the grader is built ({@link #main}, run by Maven before the jar is packed), so that
 * a grader run unpacks them instead of starting the JDK's compiler in its own JVM: that cold compile was about a third
 * of a one-submission run (Gradescope's case). They sit under {@value #FOLDER}, never under {@code cnn/}: no class
 * of package {@code cnn} can be loaded from the grader's jar. Where they are absent (the learners' jar, which does not
 * ship them), {@link StepCompiler#stubClasses()} compiles the stubs as before.
 */
final class BuiltStubs {
    /** The resource folder, holding {@value #INDEX} and the class files under it ({@code cnn/Relu.class}, ...). */
    static final String FOLDER = "cnnkit/grader/stub-classes/";

    /** One class file per line, relative to {@link #FOLDER}. */
    static final String INDEX = "index.txt";

    private BuiltStubs() {}

    /**
     * Writes the compiled stubs into a class folder, as resources.
     *
     * @param args the class folder (the grader's {@code target/classes})
     * @throws IOException if the stubs cannot be compiled or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BuiltStubs CLASS_FOLDER");
        }
        Path out = Path.of(args[0]).resolve(FOLDER);
        Path temp = Files.createTempDirectory("cnnkit-built-stubs");
        try {
            Path classes = StepCompiler.compileStubs(temp);
            List<String> index = new ArrayList<>();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = classes.relativize(f).toString().replace('\\', '/');
                    Files.createDirectories(out.resolve(name).getParent());
                    Files.copy(f, out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    index.add(name);
                }
            }
            Files.write(out.resolve(INDEX), index, StandardCharsets.UTF_8);
        } finally {
            Trees.delete(temp);
        }
    }

    /**
     * @param dir an empty folder
     * @return the folder the built stubs were unpacked into ({@code cnn/*.class} under it), or empty if this code
     *     was packed without them
     * @throws IOException if they cannot be read or written
     */
    static Optional<Path> unpack(Path dir) throws IOException {
        List<String> index;
        try (InputStream in = resource(INDEX)) {
            if (in == null) {
                return Optional.empty();
            }
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }
        Path classes = dir.resolve("classes");
        for (String name : index) {
            Path target = classes.resolve(name);
            Files.createDirectories(target.getParent());
            try (InputStream in = resource(name)) {
                if (in == null) {
                    throw new IOException("the grader's jar lacks " + FOLDER + name + ", which its index names");
                }
                Files.copy(in, target);
            }
        }
        return Optional.of(classes);
    }

    private static InputStream resource(String name) {
        return BuiltStubs.class.getClassLoader().getResourceAsStream(FOLDER + name);
    }
}
