package cnnkit.grader;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.compile.StepCompiler;
import cnnkit.grader.run.PlannedChecks;
import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each assignment's hidden checks (id and display name, in discovery order) as discovered when the grader is built
 * ({@link #main}, run by Maven after {@code BuiltStubs}), so that a grader run reads them instead of starting both
 * test engines in its own JVM to discover them again: that was about a tenth of a one-submission run's grader JVM.
 * The hidden tests ship in the same jar, so the list cannot drift from them (a test compares it with a discovery).
 * Each assignment's {@link PlannedChecks plan} is recorded here too, for the workers.
 */
final class BuiltChecks {
    private static final Gson GSON = new Gson();

    private BuiltChecks() {}

    /** @return the resource of an assignment's list, e.g. {@code cnnkit/grader/checks-forward.json} */
    static String resource(Assignment assignment) {
        return "cnnkit/grader/checks-" + assignment.id() + ".json";
    }

    /**
     * Writes every assignment's list into a class folder, as resources.
     *
     * @param args the class folder (the grader's {@code target/classes})
     * @throws IOException if a list cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BuiltChecks CLASS_FOLDER");
        }
        // First the plans: jqwik reads its registered hooks once per JVM, and the plans' recording adds one.
        for (Assignment assignment : Assignment.values()) {
            PlannedChecks.write(
                    Path.of(args[0]),
                    assignment,
                    PlannedChecks.record(StepCompiler.stubClasses(), assignment, Grader.testedSteps(assignment)));
        }
        for (Assignment assignment : Assignment.values()) {
            Map<String, String> checks = Grader.discoverChecks(assignment, false);
            if (checks.isEmpty()) {
                throw new IllegalStateException("no hidden check was discovered for " + assignment);
            }
            Path file = Path.of(args[0]).resolve(resource(assignment));
            Files.createDirectories(file.getParent());
            Files.writeString(file, GSON.toJson(checks), StandardCharsets.UTF_8);
        }
    }

    /** @return the assignment's list as built, or empty if this code was packed without it */
    static Optional<Map<String, String>> read(Assignment assignment) {
        try (InputStream in = BuiltChecks.class.getClassLoader().getResourceAsStream(resource(assignment))) {
            if (in == null) {
                return Optional.empty();
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                Map<String, String> checks =
                        GSON.fromJson(r, new TypeToken<LinkedHashMap<String, String>>() {}.getType());
                return Optional.of(Collections.unmodifiableMap(checks));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
