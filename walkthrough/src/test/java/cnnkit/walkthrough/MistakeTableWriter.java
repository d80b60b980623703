package cnnkit.walkthrough;

import cnnkit.hidden.support.Misconceptions;
import cnnkit.hidden.support.Wrong;
import cnnkit.lecture.TimedCall;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The build step that computes the learners' {@link MistakeTable}: it walks the lecture (on
 * {@link LectureAnswers}, so every check is reached), notes each check's inputs, and writes what every catalogue
 * mistake ({@link CatalogueMistakes}, the hidden tests' wrong oracles) gives on them. The walkthrough's pom runs it
 * after the test classes are compiled, writing into the main classes folder, so the jar packed next ships the table
 * and no oracle:
 *
 * <pre>
 *   java -cp TEST_CLASS_PATH cnnkit.walkthrough.MistakeTableWriter target/classes/cnnkit/walkthrough/mistakes.csv
 * </pre>
 */
public final class MistakeTableWriter {
    private MistakeTableWriter() {}

    /** @param args the file to write */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: MistakeTableWriter FILE");
        }
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            MistakeTable.write(rows(), out);
        }
        // exec:java waits up to 15 s for every thread it started, daemon ones too: end the timed calls' thread
        TimedCall.endCalls(5_000);
    }

    /** @return the checks the walk makes on the lecture's example, in walk order */
    static List<Walkthrough.Check> checks() {
        Set<Walkthrough.Check> checks = new LinkedHashSet<>();
        List<Scene> scenes = new Walkthrough(
                        LectureAnswers.INSTANCE, Duration.ofSeconds(10), new CatalogueMistakes(), Map.of())
                .observe(checks::add)
                .walk();
        if (scenes.size() != Walkthrough.SCENES) {
            throw new IllegalStateException("the demo walk stopped early: "
                    + scenes.get(scenes.size() - 1).title());
        }
        return List.copyOf(checks);
    }

    /** @return every catalogue mistake's result on every check of the walk */
    static List<MistakeTable.Row> rows() {
        Misconceptions catalogue = Misconceptions.load();
        List<MistakeTable.Row> rows = new ArrayList<>();
        for (Walkthrough.Check c : checks()) {
            for (Wrong w : CatalogueMistakes.all(c.step(), c.method(), c.inputs())) {
                rows.add(new MistakeTable.Row(
                        c.step(),
                        c.method(),
                        c.inputs(),
                        w.misconception(),
                        CatalogueMistakes.grid(w.output()),
                        catalogue.hint(w.misconception())));
            }
        }
        return rows;
    }
}
