package cnnkit.grader.compile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The given classes: code of package {@code cnn} that the handout gives students and that no step asks them to
 * write ({@code cnn.GradientCheck} for their own tests, {@code cnn.Network} for Part 2's {@code Training}). They ship
 * inside the grader as sources ({@code cnnkit/given/cnn/<Name>.java}, copied at build time from
 * {@code exercises/src/given/java}), and the grader compiles the kit's copy with every submission, whether the
 * hand-in has them or not.
 *
 * <p>The kit's copy wins: a hand-in's file of the same name is not compiled (its feedback says so when it differs
 * from the handout's in more than whitespace). A given class is part of the assignment, like the hidden tests'
 * inputs: Part 2's Training checks are written for the handout's network (its shape, its He initialisation), and
 * a student who changed it would be graded on another exercise. This is how Part 1 already treats what the kit
 * gives: a step that cannot be graded is replaced by the kit's stub, never by anything of the student's choosing.
 */
public final class Given {
    /** The given files, by name: exactly the files of {@code exercises/src/given/java/cnn} (a test checks it). */
    public static final List<String> FILES = List.of("GradientCheck.java", "Network.java");

    /** Read once per grader run: every compile round of every submission writes them. */
    private static final Map<String, String> SOURCES = new ConcurrentHashMap<>();

    private Given() {}

    /**
     * @param file a file name, e.g. {@code "Network.java"}
     * @return whether the handout gives a class in that file
     */
    public static boolean isGiven(Path file) {
        return FILES.contains(file.getFileName().toString());
    }

    /**
     * @param name one of {@link #FILES}
     * @return the kit's source of that file
     * @throws IllegalArgumentException if {@code name} is not a given file
     * @throws IllegalStateException    if the grader was built without its given sources
     */
    public static String source(String name) {
        if (!FILES.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a given file; the given files are " + FILES);
        }
        return SOURCES.computeIfAbsent(name, Given::read);
    }

    private static String read(String name) {
        String resource = "/cnnkit/given/cnn/" + name;
        try (InputStream in = Given.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the grader was built without the given source " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name one of {@link #FILES}
     * @param text a hand-in's file of that name
     * @return whether it is the kit's source but for whitespace (an IDE's re-formatting changes nothing)
     */
    static boolean unchanged(String name, String text) {
        return squeeze(source(name)).equals(squeeze(text));
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }
}
