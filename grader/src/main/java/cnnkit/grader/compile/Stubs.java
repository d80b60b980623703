package cnnkit.grader.compile;

import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The exercise stubs, shipped inside the grader as resources ({@code cnnkit/stubs/<Name>.java}, copied at build
 * time from {@code exercises/src/main/java/cnn}). A step that cannot be graded is replaced by its stub so that the
 * other steps still compile against it. Never the solution: the stub throws "not implemented" and scores 0.
 */
public final class Stubs {
    private Stubs() {}

    /**
     * @param step a step
     * @return the exercise stub's source of that step
     * @throws IllegalStateException if the grader was built without its stubs
     */
    public static String source(Step step) {
        String resource = "/cnnkit/stubs/" + step.sourceFile();
        try (InputStream in = Stubs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the grader was built without the exercise stub " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
