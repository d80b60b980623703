package cnnkit.walkthrough;

import cnnkit.grader.collect.Collector;
import cnnkit.grader.collect.RejectedSubmission;
import cnnkit.grader.collect.Sources;
import cnnkit.grader.collect.Submission;
import cnnkit.grader.common.Trees;
import cnnkit.grader.compile.Compilation;
import cnnkit.grader.compile.Javac;
import cnnkit.grader.compile.StepCompiler;
import cnnkit.grader.run.StudentClassLoader;
import cnnkit.lecture.Step;
import cnnkit.walkthrough.training.Trainable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The learner's compiled classes of package {@code cnn}, reached through {@link Implementation}.
 *
 * <p>Where the classes come from is this class's only concern: a folder of compiled classes ({@link #fromClasses}),
 * or the sources compiled into a temporary folder by the grader's own compile stage ({@link #fromSources}), which
 * puts the exercise stub in place of a step that does not compile.
 */
public final class LearnerCode implements AutoCloseable {
    static final String PROBE = "cnnkit.walkthrough.probe.LearnerProbe";
    static final String TRAINING_PROBE = "cnnkit.walkthrough.probe.TrainingProbe";
    /**
     * Given code the training needs, shipped as source in the jar ({@code cnnkit/given/cnn/}): compiled with the
     * learner's sources when they lack it, e.g. the kit's {@code exercises/src/main/java}, whose given code sits in
     * a folder of its own.
     */
    static final List<String> GIVEN = List.of("Network.java");

    private final StudentClassLoader loader;
    private final Implementation implementation;
    private final Map<Step, List<String>> notCompiled;
    private final Path work;
    private final String origin;
    private final List<String> notes;

    private LearnerCode(
            StudentClassLoader loader,
            Implementation implementation,
            Map<Step, List<String>> notCompiled,
            Path work,
            String origin,
            List<String> notes) {
        this.loader = loader;
        this.notes = notes;
        this.origin = origin;
        this.implementation = implementation;
        this.notCompiled = notCompiled;
        this.work = work;
    }

    /**
     * @param classes a folder of compiled classes, used when {@code src} is null
     * @param src     a folder of sources to compile, or null
     * @return the learner's code from one of them
     * @throws IOException if the sources cannot be compiled into a temporary folder
     */
    public static LearnerCode open(Path classes, Path src) throws IOException {
        return src != null ? fromSources(src) : fromClasses(classes);
    }

    /**
     * Collects and compiles the learner's sources through the grader's own first stages, as a submission of theirs
     * would go ({@link Collector}, then {@link StepCompiler}), into a temporary folder deleted on {@link #close}.
     *
     * @param src a folder holding the {@code cnn} sources, e.g. {@code exercises/src/main/java}
     * @return the learner's code; steps that did not compile run as their "not implemented" stubs
     * @throws IllegalArgumentException if the folder does not exist or holds no {@code package cnn;} source
     * @throws IOException              if the temporary folder cannot be written
     */
    public static LearnerCode fromSources(Path src) throws IOException {
        if (!Files.isDirectory(src)) {
            throw new IllegalArgumentException("no folder " + src + " — pass --src with the folder of your cnn "
                    + "sources, e.g. exercises/src/main/java");
        }
        Path work = Files.createTempDirectory("cnnkit-walkthrough");
        try {
            Sources sources = Collector.collect(new Submission(Submission.idOf(src), src), work);
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("no Java file with `package cnn;` in " + src);
            }
            sources = withGiven(sources, work);
            // The learner's own code, on their own machine: the compiler in this JVM, without a time limit.
            Compilation compiled = StepCompiler.compile(sources, work, Javac.IN_PROCESS);
            LearnerCode code = fromClasses(compiled.classes());
            return new LearnerCode(
                    code.loader,
                    code.implementation,
                    compiled.stubbed(),
                    work,
                    "the sources in " + src,
                    compiled.notes());
        } catch (RejectedSubmission e) {
            Trees.delete(work);
            throw new IllegalArgumentException(src + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            Trees.delete(work);
            throw e;
        }
    }

    /**
     * @param classes a folder holding {@code cnn/*.class}, e.g. {@code exercises/target/classes}
     * @return the learner's code, ready to be called (each call still needs a time limit: see {@link Bounded})
     * @throws IllegalArgumentException if the folder does not exist or holds no {@code cnn} package
     */
    public static LearnerCode fromClasses(Path classes) {
        if (!Files.isDirectory(classes.resolve("cnn"))) {
            throw new IllegalArgumentException("no compiled classes of package cnn in " + classes
                    + " — compile your code first (e.g. mvn -q -pl exercises compile) or pass --classes DIR");
        }
        StudentClassLoader loader = new StudentClassLoader(
                classes, LearnerCode.class.getClassLoader(), LearnerCode.class, "cnnkit.walkthrough.probe.");
        try {
            Object probe = loader.loadClass(PROBE).getConstructor().newInstance();
            return new LearnerCode(loader, (Implementation) probe, Map.of(), null, classes.toString(), List.of());
        } catch (ReflectiveOperationException | LinkageError e) {
            close(loader);
            throw new IllegalStateException("cannot load the walkthrough probe from " + classes + ": " + e, e);
        }
    }

    /**
     * The given sources the learner's lack (by file name), added as helpers from the jar's copy.
     *
     * @return the sources with them
     */
    private static Sources withGiven(Sources sources, Path work) throws IOException {
        List<Path> helpers = new ArrayList<>(sources.helpers());
        for (String name : GIVEN) {
            if (helpers.stream().noneMatch(h -> h.getFileName().toString().equals(name))) {
                try (InputStream in = LearnerCode.class.getResourceAsStream("/cnnkit/given/cnn/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("the given " + name + " is missing from the kit");
                    }
                    Path given =
                            Files.createDirectories(work.resolve("given/cnn")).resolve(name);
                    Files.write(given, in.readAllBytes());
                    helpers.add(given);
                }
            }
        }
        return new Sources(sources.steps(), helpers, sources.ignored(), sources.notes());
    }

    /**
     * @return the learner's {@code cnn.Training} on the given {@code cnn.Network}; a missing class shows up at its
     *     first call, as "not implemented"
     */
    public Trainable trainable() {
        try {
            return (Trainable) loader.loadClass(TRAINING_PROBE).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot load the training probe from " + origin + ": " + e, e);
        }
    }

    /** @return what the compiler said about the learner's other files, e.g. a helper left out; empty for classes */
    public List<String> notes() {
        return notes;
    }

    /** @return the learner's steps; a missing class or method shows up per call, as "not implemented" */
    public Implementation implementation() {
        return implementation;
    }

    /** @return where the code came from, e.g. {@code exercises/target/classes} or "the sources in …" */
    public String origin() {
        return origin;
    }

    /**
     * @return the steps whose sources did not compile (or lacked the exercise's methods), with the compiler's
     *         messages; empty for compiled classes
     */
    public Map<Step, List<String>> notCompiled() {
        return notCompiled;
    }

    @Override
    public void close() {
        close(loader);
        if (work != null) {
            try {
                Trees.delete(work);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void close(StudentClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
