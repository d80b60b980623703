package cnnkit.grader.cli;

import static cnnkit.grader.cli.MisuseTest.refused;
import static cnnkit.grader.cli.MisuseTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.common.Trees;
import cnnkit.grader.shard.Shard;
import cnnkit.grader.shard.ShardManifest;
import cnnkit.grader.testing.ResultsFiles;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class graded as a Kubernetes Indexed Job would grade it: three shard processes started with the index in
 * {@code JOB_COMPLETION_INDEX} ({@code grade --shard-from-env 3}), one of them killed (SIGKILL, as an evicted pod)
 * and started again, then merged, and compared byte for byte with the class graded in one run.
 */
@DisplayName("A class graded in shards and merged")
class ShardedClassTest {
    /**
     * Four submissions of the sample class: one in shard 1 (no sources), two in shard 2 (a zip, a syntax error: the
     * shard that is killed after its first grade still has one to go), one in shard 3 (a misconception).
     */
    static final List<String> IDS =
            List.of("broken-no-sources", "broken-syntax-error", "correct-zip", "mis-flipped-kernel");

    static final int N = 3;
    /** The shard that is killed and graded again (its index in the environment is 1). */
    static final int KILLED = 2;

    @TempDir
    static Path temp;

    static Path cls;
    static Path single;
    static Path roster;
    static final List<Path> shards = new ArrayList<>();
    /** What the killed shard had written when it was killed. */
    static Path killed;

    @BeforeAll
    static void gradeInShardsAndInOneRun() throws Exception {
        Path sample = temp.resolve("sample");
        SampleClass.materialise(Assignment.FORWARD, sample);
        cls = Files.createDirectories(temp.resolve("class"));
        for (String id : IDS) {
            Path from = Files.exists(sample.resolve(id + ".zip")) ? sample.resolve(id + ".zip") : sample.resolve(id);
            Files.move(from, cls.resolve(from.getFileName()));
        }
        Files.createDirectories(cls.resolve(".notes")); // listed as not graded, in every summary.md
        roster = Files.writeString(temp.resolve("roster.csv"), "id,name,email\ncorrect-zip,Ada,ada@example.org\n");
        for (int k = 1; k <= N; k++) {
            shards.add(temp.resolve("shard-" + (k - 1)));
        }
        // The Job: every pod at once; the killed one is SIGKILLed as soon as it has stored a first grade.
        List<Process> pods = new ArrayList<>();
        for (int k = 1; k <= N; k++) {
            pods.add(pod(k));
        }
        Process victim = pods.get(KILLED - 1);
        Path out = shards.get(KILLED - 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (storedGrades(out) == 0 && victim.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        victim.destroyForcibly();
        victim.waitFor(30, TimeUnit.SECONDS);
        killed = temp.resolve("killed");
        Trees.copy(out, killed);
        // backoffLimitPerIndex: the index is started again at once, into the same volume.
        Process again = pod(KILLED);
        pods.set(KILLED - 1, again);
        // What the one-run grade does meanwhile, in this JVM.
        single = temp.resolve("single");
        List<String> whole = new ArrayList<>(grade(single));
        whole.addAll(List.of("--roster", roster.toString()));
        assertThat(Main.run(whole.toArray(String[]::new))).isZero();
        for (int k = 1; k <= N; k++) {
            Process p = pods.get(k - 1);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(log(k)).isZero();
        }
    }

    /** @return the arguments of grading the class into {@code out}, one submission at a time */
    private static List<String> grade(Path out) {
        return List.of("grade", "--jobs", "1", "--class", cls.toString(), "--out", out.toString());
    }

    /** @return a shard process as a pod of the Indexed Job starts it: the index only in its environment */
    private static Process pod(int k) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(
                List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", cp, Main.class.getName()));
        command.addAll(grade(shards.get(k - 1)));
        command.addAll(List.of("--shard-from-env", String.valueOf(N)));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        temp.resolve("pod-" + k + ".log").toFile()));
        pb.environment().remove("AWS_BATCH_JOB_ARRAY_INDEX");
        pb.environment().put("JOB_COMPLETION_INDEX", String.valueOf(k - 1));
        return pb.start();
    }

    private static String log(int k) {
        try {
            return Files.readString(temp.resolve("pod-" + k + ".log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static long storedGrades(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> children = Files.list(out)) {
            return children.filter(c -> Files.exists(c.resolve("grade.json"))).count();
        }
    }

    private static String[] mergeArgs(Path out, List<Path> dirs, String... more) {
        List<String> args = new ArrayList<>(List.of("merge", "--out", out.toString()));
        args.addAll(List.of(more));
        dirs.forEach(d -> args.add(d.toString()));
        return args.toArray(String[]::new);
    }

    @Test
    @DisplayName("the merge is byte for byte the one-run grade: class files, reports, sources")
    void mergeEqualsOneRun() throws IOException {
        List<Path> anyOrder = List.of(shards.get(2), shards.get(0), shards.get(1));
        Path merged = temp.resolve("merged");
        assertThat(Main.run(mergeArgs(merged, anyOrder, "--roster", roster.toString())))
                .isZero();
        for (String file : List.of("gradebook.csv", "summary.md", "class-report.html", "roster-gradebook.csv")) {
            assertThat(Files.readString(merged.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readString(single.resolve(file)));
        }
        assertThat(Files.readString(merged.resolve("summary.md"))).contains("4 submission(s)", ".notes");
        assertThat(children(merged)).isEqualTo(children(single)).contains("jplag-report.zip");
        for (String id : IDS) {
            assertThat(ResultsFiles.withoutTime(merged, id)).as(id).isEqualTo(ResultsFiles.withoutTime(single, id));
            assertThat(Files.readString(merged.resolve(id).resolve("feedback.md")))
                    .isEqualTo(Files.readString(single.resolve(id).resolve("feedback.md")));
            assertThat(tree(merged.resolve(id).resolve("sources")))
                    .as(id + "/sources")
                    .isEqualTo(tree(single.resolve(id).resolve("sources")));
        }
    }

    @Test
    @DisplayName("each shard graded the ids its number owns, the re-run of the killed one the same as planned")
    void shardsHoldTheirIds() throws IOException {
        List<String> all = new ArrayList<>();
        for (int k = 1; k <= N; k++) {
            ShardManifest m = ShardManifest.read(shards.get(k - 1));
            int shard = k;
            assertThat(m.asShard()).isEqualTo(new Shard(k, N));
            assertThat(m.ids())
                    .isNotEmpty()
                    .containsExactlyElementsOf(
                            IDS.stream().filter(id -> Shard.of(id, N) == shard).toList());
            assertThat(m.classSize()).isEqualTo(IDS.size());
            assertThat(m.classIds()).isEqualTo(ShardManifest.classIdsOf(IDS));
            all.addAll(m.ids());
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(IDS);
    }

    @Test
    @DisplayName("a killed shard leaves no shard.json, and merge refuses it, naming it")
    void killedShardIsNotMerged() {
        assertThat(killed.resolve(ShardManifest.FILE)).doesNotExist();
        Path merged = temp.resolve("merged-killed");
        refused(run(mergeArgs(merged, List.of(shards.get(0), killed, shards.get(2)))), killed.toString(), "shard.json");
        assertThat(merged).doesNotExist();
    }

    @Nested
    @DisplayName("merge refuses, naming the shard, and writes nothing")
    class Refusals {
        @Test
        @DisplayName("a missing shard")
        void missing() {
            Path merged = temp.resolve("m-missing");
            refused(run(mergeArgs(merged, List.of(shards.get(0), shards.get(2)))), "2/3 missing");
            assertThat(merged).doesNotExist();
        }

        @Test
        @DisplayName("a shard given twice")
        void duplicated() throws IOException {
            Path copy = temp.resolve("shard-0-copy");
            if (!Files.exists(copy)) {
                Trees.copy(shards.get(0), copy);
            }
            Path merged = temp.resolve("m-twice");
            refused(
                    run(mergeArgs(merged, List.of(shards.get(0), shards.get(1), copy, shards.get(2)))),
                    "shard 1/3 is given twice",
                    copy.toString());
            assertThat(merged).doesNotExist();
        }

        @Test
        @DisplayName("a shard of another class (here an empty one: it still has its manifest)")
        void foreign() throws IOException {
            Path other = Files.createDirectories(temp.resolve("other-class"));
            Trees.copy(cls.resolve("mis-flipped-kernel"), other.resolve("mis-flipped-kernel"));
            Path empty = temp.resolve("other-shard-1");
            assertThat(Main.run("grade", "--class", other.toString(), "--out", empty.toString(), "--shard", "1/3"))
                    .as("mis-flipped-kernel is in shard 3: shard 1 of that class grades nothing")
                    .isZero();
            assertThat(ShardManifest.read(empty).ids()).isEmpty();
            Path merged = temp.resolve("m-foreign");
            refused(
                    run(mergeArgs(merged, List.of(shards.get(1), empty, shards.get(2)))),
                    empty.toString(),
                    "another class");
            assertThat(merged).doesNotExist();
        }

        @Test
        @DisplayName("a shard of a split into another number of shards")
        void otherCount() throws IOException {
            Path tampered = edited("shard-of-4", json -> json.addProperty("count", 4));
            Path merged = temp.resolve("m-count");
            refused(
                    run(mergeArgs(merged, List.of(shards.get(1), tampered, shards.get(2)))),
                    tampered.toString(),
                    "shard 1/4",
                    "different numbers of shards");
            assertThat(merged).doesNotExist();
        }

        @Test
        @DisplayName("shards graded with another rubric or visibility than the merge is given")
        void otherSettings() throws IOException {
            Path merged = temp.resolve("m-visibility");
            refused(run(mergeArgs(merged, shards, "--visibility", "hidden")), "--visibility visible");
            String rubric = Files.readString(Path.of("../hidden-tests/src/main/resources/cnnkit/rubric.csv"));
            assertThat(rubric).contains("Relu.lectureFeatureMap,Relu,1.25");
            Path other = Files.writeString(
                    temp.resolve("other-rubric.csv"),
                    rubric.replace("Relu.lectureFeatureMap,Relu,1.25", "Relu.lectureFeatureMap,Relu,2.25")
                            .replace("Softmax.lectureScores,Softmax,1.75", "Softmax.lectureScores,Softmax,0.75"));
            refused(run(mergeArgs(merged, shards, "--rubric", other.toString())), "another rubric", "--rubric");
            assertThat(merged).doesNotExist();
        }

        @Test
        @DisplayName("a shard listing an id another shard owns, or an id without its stored grade")
        void wrongIds() throws IOException {
            Path foreignId = edited(
                    "shard-with-foreign-id", json -> json.getAsJsonArray("ids").add("mis-flipped-kernel"));
            Path merged = temp.resolve("m-ids");
            refused(
                    run(mergeArgs(merged, List.of(foreignId, shards.get(1), shards.get(2)))),
                    foreignId.toString(),
                    "mis-flipped-kernel is not in shard 1/3 (it is in 3/3)");
            Path lost = temp.resolve("shard-without-grade");
            Trees.copy(shards.get(0), lost);
            String id = ShardManifest.read(lost).ids().get(0);
            Files.delete(lost.resolve(id).resolve("grade.json"));
            refused(
                    run(mergeArgs(merged, List.of(lost, shards.get(1), shards.get(2)))),
                    lost.toString(),
                    "no stored grade " + id);
            refused(run(mergeArgs(shards.get(0), shards)), "is one of the shards");
            assertThat(merged).doesNotExist();
        }

        @Test
        @DisplayName("a non-empty --out without --force (with --force it is started over)")
        void nonEmptyOut() throws IOException {
            Path merged = Files.createDirectories(temp.resolve("m-full"));
            Files.writeString(merged.resolve("gradebook.csv"), "keep me");
            refused(run(mergeArgs(merged, shards)), "not empty", "--force");
            assertThat(merged.resolve("gradebook.csv")).hasContent("keep me");
            assertThat(Main.run(mergeArgs(merged, shards, "--force"))).isZero();
            assertThat(Files.readString(merged.resolve("gradebook.csv")))
                    .isEqualTo(Files.readString(single.resolve("gradebook.csv")));
        }
    }

    @Nested
    @DisplayName("grade --shard misuse: one line, exit 2")
    class Misuse {
        @Test
        @DisplayName("K out of range, not K/N, N below 1, both options, with --sample or --rescore")
        void refusedOptions() {
            String c = cls.toString();
            Path out = temp.resolve("never");
            refused(run("grade", "--class", c, "--out", out.toString(), "--shard", "4/3"), "shard 4 of 3");
            refused(run("grade", "--class", c, "--out", out.toString(), "--shard", "0/3"), "give 1 to 3");
            refused(run("grade", "--class", c, "--out", out.toString(), "--shard", "two"), "K/N");
            refused(run("grade", "--class", c, "--out", out.toString(), "--shard-from-env", "0"), "at least 1");
            refused(
                    run("grade", "--class", c, "--out", out.toString(), "--shard", "1/2", "--shard-from-env", "2"),
                    "not both");
            refused(run("grade", "--sample", "--out", out.toString(), "--shard", "1/2"), "--sample");
            refused(run("grade", "--rescore", "--out", out.toString(), "--shard", "1/2"), "--shard");
            assertThat(out).doesNotExist();
        }
    }

    /** @return a copy of shard 1's folder whose shard.json is edited */
    private static Path edited(String name, java.util.function.Consumer<JsonObject> edit) throws IOException {
        Path copy = temp.resolve(name);
        Trees.copy(shards.get(0), copy);
        Path file = copy.resolve(ShardManifest.FILE);
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        edit.accept(json);
        Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
        return copy;
    }

    private static List<String> children(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
