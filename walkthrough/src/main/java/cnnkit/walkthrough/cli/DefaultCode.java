package cnnkit.walkthrough.cli;

import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the learner's code is when neither {@code --classes} nor {@code --src} is given, for every command of the
 * learners' jar: compiled classes if they are there and up to date, else the sources. A fresh clone has no compiled
 * classes yet, and a learner who edits a step should not run yesterday's classes.
 *
 * @param classes the compiled classes to use, or null
 * @param src     the sources to compile, or null (exactly one of the two is set)
 */
record DefaultCode(Path classes, Path src) {
    /** Where compiled classes sit: in this repo (after {@code mvn -pl exercises compile}), then in the handout. */
    static final List<Path> CLASSES = List.of(Path.of("exercises/target/classes"), Path.of("target/classes"));
    /** Where the sources sit when nothing is compiled yet: in this repo (a fresh clone), then in the handout. */
    static final List<Path> SOURCES = List.of(Path.of("exercises/src/main/java"), Path.of("src/main/java"));

    /**
     * @param out told in one line when the sources are compiled, and why
     * @return the code to use (the first classes folder when nothing is found: opening it says what to do)
     */
    static DefaultCode choose(PrintWriter out) throws IOException {
        for (int i = 0; i < CLASSES.size(); i++) {
            Path compiled = CLASSES.get(i);
            Path sources = SOURCES.get(i);
            boolean hasClasses = Files.isDirectory(compiled.resolve("cnn"));
            if (hasClasses && !(Files.isDirectory(sources) && stale(sources, compiled))) {
                return new DefaultCode(compiled, null);
            }
            if (Files.isDirectory(sources)) {
                out.println((hasClasses
                                ? "Your sources in " + sources + " are newer than " + compiled + " (or missing from it)"
                                : "No compiled classes in " + compiled)
                        + ": compiling your sources in " + sources
                        + " (as with --src " + sources + ").");
                return new DefaultCode(null, sources);
            }
        }
        return new DefaultCode(CLASSES.get(0), null);
    }

    /**
     * @return whether a {@code .java} file under {@code sources} was changed after every class under {@code classes},
     *     or a step's source has no class there (its compilation failed: running the rest would call that step
     *     "missing" instead of showing the compiler's message)
     */
    private static boolean stale(Path sources, Path classes) throws IOException {
        if (latest(sources, ".java").compareTo(latest(classes, ".class")) > 0) {
            return true;
        }
        for (Step step : Step.values()) {
            if (Files.isRegularFile(sources.resolve("cnn").resolve(step.sourceFile()))
                    && !Files.isRegularFile(classes.resolve("cnn").resolve(step.className() + ".class"))) {
                return true;
            }
        }
        return false;
    }

    private static FileTime latest(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            FileTime latest = FileTime.fromMillis(0);
            for (Path f : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                FileTime t = Files.getLastModifiedTime(f);
                latest = t.compareTo(latest) > 0 ? t : latest;
            }
            return latest;
        }
    }
}
