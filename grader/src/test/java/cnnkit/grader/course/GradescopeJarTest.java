package cnnkit.grader.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cnnkit.grader.run.KeptArchives;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gradescope zip made by the built jar, run as Gradescope runs it: {@code make_archives} once (what
 * {@code setup.sh} does after installing the JDK), then {@code run_autograder} on a submission (run by
 * {@code mvn verify}, after {@code package}; class-data archives can only be made of classes from jars).
 */
@DisplayName("The Gradescope zip of the built jar")
class GradescopeJarTest {
    private static final List<String> ARCHIVES = List.of("grader.jsa", KeptArchives.WORKER, KeptArchives.JAVAC);

    @Test
    @DisplayName("make_archives makes the grader's, the workers' and the compiler's archives once; run_autograder "
            + "starts from them, leaves them as they were and gives the reference full marks")
    void archivesMadeOnceThenUsed(@TempDir Path temp) throws IOException, InterruptedException {
        String buildDir = System.getProperty("kit.build.dir");
        assumeTrue(buildDir != null, "runs the built jar: runs in the jar-tests execution of `mvn verify`");
        Path source = Files.createDirectories(temp.resolve("source"));
        Path zip = temp.resolve("autograder.zip");
        run(temp, List.of(java(), "-jar", buildDir + "/cnn-grader.jar", "gradescope", "--out", zip.toString()));
        unzip(zip, source);

        run(temp, List.of("bash", source.resolve("make_archives").toString()));
        Map<String, FileTime> made = new LinkedHashMap<>();
        for (String name : ARCHIVES) {
            made.put(name, Files.getLastModifiedTime(source.resolve("cds").resolve(name)));
        }
        try (var left = Files.list(source.resolve("cds"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(ARCHIVES);
        }

        GradescopeAutograderTest.copyJava(
                Path.of("../solutions/src/main/java/cnn"), Files.createDirectories(temp.resolve("submission")));
        String log = run(temp, List.of("bash", source.resolve("run_autograder").toString()));
        JsonObject results = JsonParser.parseString(Files.readString(temp.resolve("results/results.json")))
                .getAsJsonObject();
        double max = 0;
        for (JsonElement t : results.getAsJsonArray("tests")) {
            max += t.getAsJsonObject().get("max_score").getAsDouble();
        }
        assertThat(max).isPositive();
        assertThat(results.get("score").getAsDouble()).as(log).isEqualTo(max);
        assertThat(log).doesNotContain("[cds]");
        for (String name : ARCHIVES) {
            assertThat(Files.getLastModifiedTime(source.resolve("cds").resolve(name)))
                    .as(name)
                    .isEqualTo(made.get(name));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs a command with AUTOGRADER_ROOT={@code root} and this JDK first on the PATH; @return its output */
    private static String run(Path root, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("run.log").toFile());
        pb.environment().put("AUTOGRADER_ROOT", root.toString());
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        Process p = pb.start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(command + " took over 3 minutes");
        }
        String log = Files.readString(root.resolve("run.log"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(command + " exit status; output:\n" + log).isZero();
        return log;
    }

    private static void unzip(Path zip, Path to) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Files.copy(in, to.resolve(e.getName()));
            }
        }
    }
}
