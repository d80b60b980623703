package cnnkit.grader.shard;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.cli.Main;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The ready-to-use examples of README.md's "Grading a very large class" are what they claim: the Kubernetes files
 * read into fabric8's model classes of their kind with no unknown field (a typo would land in
 * {@code additionalProperties}), the GitHub workflow has the structure Actions requires, and the command each runs
 * is one the kit's own command line accepts, with the shard count the same everywhere it is written.
 */
@DisplayName("The scale-out examples: a Kubernetes Indexed Job, a merge Job, a GitHub Actions matrix")
class ScaleOutExamplesTest {
    static final Path EXAMPLES = Path.of("../examples");
    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** @return the file read as {@code kind}, after checking no field was unknown to the model at any depth */
    static <T> T read(String file, Class<T> kind) throws IOException {
        T value = YAML.readValue(EXAMPLES.resolve(file).toFile(), kind);
        assertThat(unknownFields(value, kind.getSimpleName())).as(file).isEmpty();
        return value;
    }

    /**
     * fabric8's model keeps a field it does not know in {@code additionalProperties} instead of failing: a typo
     * ({@code backoffLimitPerindex}) would be read without a word, and ignored by the API server.
     *
     * @return the paths of every such field in the object tree
     */
    static List<String> unknownFields(Object node, String path) {
        List<String> unknown = new ArrayList<>();
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknown.addAll(unknownFields(list.get(i), path + "[" + i + "]"));
            }
            return unknown;
        }
        if (node == null || !node.getClass().getName().startsWith("io.fabric8.")) {
            return unknown;
        }
        for (java.lang.reflect.Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")) {
                continue;
            }
            try {
                Object value = getter.invoke(node);
                if (getter.getName().equals("getAdditionalProperties")) {
                    ((Map<?, ?>) value).keySet().forEach(k -> unknown.add(path + "." + k));
                } else {
                    unknown.addAll(
                            unknownFields(value, path + "." + getter.getName().substring(3)));
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return unknown;
    }

    /** @return the kit's command line parsed from these arguments, as {@code java -jar cnn-grader.jar} would */
    static CommandLine.ParseResult parse(List<String> args) {
        return new CommandLine(new Main())
                .parseArgs(args.toArray(String[]::new))
                .subcommand();
    }

    /** @return what follows {@code -jar <jar>} in a java command line, after checking the jar is the grader's */
    static List<String> afterJar(List<String> command) {
        assertThat(command.get(0)).isEqualTo("java");
        int jar = command.indexOf("-jar");
        assertThat(jar).as("java -jar: " + command).isPositive();
        assertThat(command.get(jar + 1)).endsWith("/cnn-grader.jar");
        return command.subList(jar + 2, command.size());
    }

    @Nested
    @DisplayName("Kubernetes")
    class Kubernetes {
        @Test
        @DisplayName("grade-job.yaml: an Indexed Job whose every pod grades shard JOB_COMPLETION_INDEX+1 of N")
        void gradeJob() throws IOException {
            Job job = read("kubernetes/grade-job.yaml", Job.class);
            assertThat(job.getKind()).isEqualTo("Job");
            assertThat(job.getApiVersion()).isEqualTo("batch/v1");
            assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
            int n = job.getSpec().getCompletions();
            assertThat(job.getSpec().getParallelism()).isBetween(1, n);
            assertThat(job.getSpec().getBackoffLimitPerIndex())
                    .as("a failed pod is retried for its index only")
                    .isPositive();
            PodSpec pod = job.getSpec().getTemplate().getSpec();
            assertThat(pod.getRestartPolicy())
                    .as("backoffLimitPerIndex needs Never")
                    .isEqualTo("Never");
            Container c = onlyContainer(pod);
            List<String> args = afterJar(c.getCommand());
            String out = args.get(args.indexOf("--out") + 1);
            assertThat(out).endsWith("/shard-$(JOB_COMPLETION_INDEX)");
            CommandLine.ParseResult grade = parse(args.stream()
                    .map(a -> a.replace("$(JOB_COMPLETION_INDEX)", "0"))
                    .toList());
            assertThat(grade.commandSpec().name()).isEqualTo("grade");
            assertThat(grade.<Integer>matchedOptionValue("--shard-from-env", null))
                    .as("--shard-from-env is the Job's completions")
                    .isEqualTo(n);
            assertThat(grade.<Integer>matchedOptionValue("--jobs", 1))
                    .as("one pod grades many submissions with pooled workers")
                    .isGreaterThan(1);
            EnvVar index = c.getEnv().stream()
                    .filter(e -> e.getName().equals("JOB_COMPLETION_INDEX"))
                    .findFirst()
                    .orElseThrow();
            assertThat(index.getValueFrom().getFieldRef().getFieldPath())
                    .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
            assertThat(Shard.INDEX_VARIABLES).contains(index.getName());
            String data = claimedMount(pod, c);
            assertThat(grade.<Path>matchedOptionValue("--class", null).toString())
                    .startsWith(data + "/");
            assertThat(out).startsWith(data + "/");
        }

        @Test
        @DisplayName("merge-job.yaml: one pod merging every shard folder of the grading Job")
        void mergeJob() throws IOException {
            Job grading = read("kubernetes/grade-job.yaml", Job.class);
            Job job = read("kubernetes/merge-job.yaml", Job.class);
            assertThat(job.getKind()).isEqualTo("Job");
            assertThat(job.getSpec().getCompletions()).isEqualTo(1);
            PodSpec pod = job.getSpec().getTemplate().getSpec();
            Container c = onlyContainer(pod);
            assertThat(c.getCommand().subList(0, 2)).containsExactly("sh", "-c");
            List<String> words =
                    List.of(c.getCommand().get(2).replaceFirst("^exec ", "").split(" +"));
            List<String> args = afterJar(words);
            String glob = args.get(args.size() - 1);
            Container grader = onlyContainer(grading.getSpec().getTemplate().getSpec());
            String shardOut = grader.getCommand().get(grader.getCommand().indexOf("--out") + 1);
            assertThat(glob)
                    .as("the glob names every shard's --out")
                    .isEqualTo(shardOut.replace("$(JOB_COMPLETION_INDEX)", "*"));
            List<String> shards = IntStream.range(0, grading.getSpec().getCompletions())
                    .mapToObj(i -> glob.replace("*", String.valueOf(i)))
                    .toList();
            List<String> expanded = new ArrayList<>(args.subList(0, args.size() - 1));
            expanded.addAll(shards);
            CommandLine.ParseResult merge = parse(expanded);
            assertThat(merge.commandSpec().name()).isEqualTo("merge");
            assertThat(merge.<List<Path>>matchedPositionalValue(0, List.of())).hasSize(shards.size());
            assertThat(merge.<Path>matchedOptionValue("--out", null).toString())
                    .isNotIn(shards)
                    .startsWith(claimedMount(pod, c) + "/");
            assertThat(volumes(pod))
                    .isEqualTo(volumes(grading.getSpec().getTemplate().getSpec()));
        }

        @Test
        @DisplayName("class-volume.yaml: the claim both Jobs mount, readable and writable by every pod at once")
        void volume() throws IOException {
            PersistentVolumeClaim claim = read("kubernetes/class-volume.yaml", PersistentVolumeClaim.class);
            assertThat(claim.getKind()).isEqualTo("PersistentVolumeClaim");
            assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
            Job job = read("kubernetes/grade-job.yaml", Job.class);
            assertThat(volumes(job.getSpec().getTemplate().getSpec()))
                    .contains(claim.getMetadata().getName());
        }

        private static Container onlyContainer(PodSpec pod) {
            assertThat(pod.getContainers()).hasSize(1);
            return pod.getContainers().get(0);
        }

        /** @return where the container mounts the class's volume claim */
        private static String claimedMount(PodSpec pod, Container c) {
            Volume claim = pod.getVolumes().stream()
                    .filter(v -> v.getPersistentVolumeClaim() != null)
                    .findFirst()
                    .orElseThrow();
            return c.getVolumeMounts().stream()
                    .filter(m -> m.getName().equals(claim.getName()))
                    .findFirst()
                    .orElseThrow()
                    .getMountPath();
        }

        private static List<String> volumes(PodSpec pod) {
            return pod.getVolumes().stream()
                    .map(v -> v.getPersistentVolumeClaim() == null
                            ? v.getName()
                            : v.getPersistentVolumeClaim().getClaimName())
                    .toList();
        }
    }

    @Nested
    @DisplayName("GitHub Actions")
    class Actions {
        static final Set<String> WORKFLOW_KEYS =
                Set.of("name", "run-name", "on", "permissions", "env", "defaults", "concurrency", "jobs");
        static final Set<String> JOB_KEYS = Set.of(
                "name",
                "needs",
                "permissions",
                "runs-on",
                "environment",
                "concurrency",
                "outputs",
                "env",
                "defaults",
                "if",
                "steps",
                "timeout-minutes",
                "strategy",
                "continue-on-error",
                "container",
                "services");
        static final Set<String> STEP_KEYS = Set.of(
                "id",
                "if",
                "name",
                "uses",
                "run",
                "shell",
                "with",
                "env",
                "continue-on-error",
                "timeout-minutes",
                "working-directory");

        @Test
        @DisplayName(
                "grade-class.yml has the structure Actions requires: jobs with runs-on and steps, needs that exist")
        void structure() throws IOException {
            JsonNode w = workflow();
            w.fieldNames()
                    .forEachRemaining(
                            k -> assertThat(WORKFLOW_KEYS).as("workflow key").contains(k));
            assertThat(w.has("on")).isTrue();
            Map<String, JsonNode> jobs = fields(w.get("jobs"));
            assertThat(jobs).containsOnlyKeys("build", "grade", "merge");
            jobs.forEach((name, job) -> {
                job.fieldNames()
                        .forEachRemaining(
                                k -> assertThat(JOB_KEYS).as(name + " key").contains(k));
                assertThat(job.get("runs-on").asText()).as(name).isNotEmpty();
                for (JsonNode need : job.path("needs").isArray() ? job.get("needs") : List.of(job.path("needs"))) {
                    if (!need.isMissingNode()) {
                        assertThat(jobs).as(name + " needs").containsKey(need.asText());
                    }
                }
                assertThat(job.get("steps")).as(name).isNotEmpty();
                for (JsonNode step : job.get("steps")) {
                    step.fieldNames()
                            .forEachRemaining(k ->
                                    assertThat(STEP_KEYS).as(name + " step key").contains(k));
                    assertThat(step.has("uses") ^ step.has("run"))
                            .as(name + ": uses or run: " + step)
                            .isTrue();
                    if (step.has("uses")) {
                        assertThat(step.get("uses").asText()).as("pinned").matches("[\\w-]+/[\\w-]+@v\\d+");
                    }
                }
            });
            assertThat(jobs.get("grade").get("needs").asText()).isEqualTo("build");
            assertThat(jobs.get("merge").get("needs").asText()).isEqualTo("grade");
        }

        @Test
        @DisplayName("its matrix is shards 1..SHARDS, each graded with --shard K/SHARDS and merged from its artifact")
        void matrixAndMerge() throws IOException {
            JsonNode w = workflow();
            int n = w.get("env").get("SHARDS").asInt();
            JsonNode grade = w.get("jobs").get("grade");
            List<Integer> matrix = new ArrayList<>();
            grade.get("strategy").get("matrix").get("shard").forEach(k -> matrix.add(k.asInt()));
            assertThat(matrix).isEqualTo(IntStream.rangeClosed(1, n).boxed().toList());
            for (int k : matrix) {
                CommandLine.ParseResult run = parse(afterJar(words(step(grade, "grade")
                        .replace("${{ matrix.shard }}", String.valueOf(k))
                        .replace("${{ env.SHARDS }}", String.valueOf(n))
                        .replace("\"$CLASS\"", w.get("env").get("CLASS").asText()))));
                assertThat(run.commandSpec().name()).isEqualTo("grade");
                assertThat(Shard.parse(run.matchedOptionValue("--shard", ""))).isEqualTo(new Shard(k, n));
                assertThat(run.<Path>matchedOptionValue("--out", null)).isEqualTo(Path.of("out/shard-" + k));
            }
            JsonNode upload = uses(grade, "actions/upload-artifact").get("with");
            assertThat(upload.get("name").asText()).isEqualTo("shard-${{ matrix.shard }}");
            assertThat(upload.get("path").asText()).isEqualTo("out/shard-${{ matrix.shard }}");
            JsonNode merge = w.get("jobs").get("merge");
            List<String> mergeArgs = afterJar(words(step(merge, "merge")));
            assertThat(mergeArgs.get(mergeArgs.size() - 1)).isEqualTo("shards/shard-*");
            List<String> expanded = new ArrayList<>(mergeArgs.subList(0, mergeArgs.size() - 1));
            matrix.forEach(k -> expanded.add("shards/shard-" + k));
            assertThat(parse(expanded).commandSpec().name()).isEqualTo("merge");
            boolean downloadsShards = false;
            for (JsonNode step : merge.get("steps")) {
                if (step.path("uses").asText().startsWith("actions/download-artifact")
                        && step.get("with").path("pattern").asText().equals("shard-*")) {
                    downloadsShards = step.get("with").get("path").asText().equals("shards");
                }
            }
            assertThat(downloadsShards)
                    .as("merge downloads every shard-* artifact into shards/")
                    .isTrue();
        }

        private static JsonNode workflow() throws IOException {
            return YAML.readTree(
                    EXAMPLES.resolve("github-actions/grade-class.yml").toFile());
        }

        private static Map<String, JsonNode> fields(JsonNode node) {
            Map<String, JsonNode> m = new java.util.LinkedHashMap<>();
            node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
            return m;
        }

        /** @return the run text of the job's one step that runs the grader's {@code command} */
        private static String step(JsonNode job, String command) {
            List<String> runs = new ArrayList<>();
            for (JsonNode s : job.get("steps")) {
                if (s.has("run") && s.get("run").asText().contains("cnn-grader.jar " + command + " ")) {
                    runs.add(s.get("run").asText());
                }
            }
            assertThat(runs).hasSize(1);
            return runs.get(0);
        }

        private static JsonNode uses(JsonNode job, String action) {
            for (JsonNode s : job.get("steps")) {
                if (s.path("uses").asText().startsWith(action + "@")) {
                    return s;
                }
            }
            throw new AssertionError("no step uses " + action);
        }

        private static List<String> words(String run) {
            return List.of(run.strip().split("\\s+"));
        }
    }
}
