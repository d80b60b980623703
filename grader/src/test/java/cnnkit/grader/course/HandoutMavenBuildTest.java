package cnnkit.grader.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.score.Rubric;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Builds the generated handout with Maven, as a student would: the stubs compile and the public tests fail as not
 * implemented; with the reference solutions copied in, every public test passes; with one step that crashes, the
 * output is short and shows the line of the student's code. Results are read from surefire's XML reports; the
 * console output is checked only for what a student reads there (its length, the crash's file:line). Slow (five
 * Maven runs): one class, skipped without {@code mvn}.
 */
@DisplayName("The student handout, built with Maven")
class HandoutMavenBuildTest {
    @TempDir
    Path temp;

    /** One test case of a surefire report: its top-level class, and its failure or error (null if it passed). */
    record Case(String className, String name, boolean failed, String message) {}

    @Test
    @DisplayName(
            "compiles as handed out with its public tests failing as not implemented, and passes with the solutions")
    void stubsFailSolutionsPass() throws Exception {
        assumeTrue(Tools.onPath("mvn"), "mvn is not on PATH: the handout build test is skipped");
        Path handout = temp.resolve("stubs");
        new Handout(CoursePoints.perStep(Rubric.defaults())).writeTo(handout);

        int stubExit = mvnTest(handout);
        List<Case> stubCases = reports(handout);
        assertThat(stubExit).as("mvn test on the stubs fails").isNotZero();
        for (Step step : Step.values()) {
            List<Case> cases = ofStep(stubCases, step);
            assertThat(cases).as(step + ": public tests ran").isNotEmpty();
            assertThat(cases).as(step + ": some public test fails").anyMatch(Case::failed);
            assertThat(cases.stream().filter(Case::failed).map(Case::message))
                    .as(step + ": every failure says what is not implemented")
                    .allMatch(m -> m != null && m.contains("is not implemented yet"));
        }

        List<String> stubLog = Files.readAllLines(handout.resolve("mvn.log"));
        assertThat(stubLog)
                .as("what a student reads on the stubs")
                .hasSizeLessThanOrEqualTo(40)
                .anyMatch(l -> l.contains("Progress by step"))
                .noneMatch(l -> l.contains("FAILED"));

        Path solved = solvedHandout("solved");
        int solvedExit = mvnTest(solved);
        List<Case> solvedCases = reports(solved);
        assertThat(solvedCases.stream().filter(Case::failed).toList())
                .as("failing tests with the solutions")
                .isEmpty();
        assertThat(solvedExit).as("mvn test with the solutions").isZero();
        for (Step step : Step.values()) {
            assertThat(ofStep(solvedCases, step))
                    .as(step + ": public tests ran")
                    .isNotEmpty();
        }
    }

    @Test
    @DisplayName("one crashing step: at most 40 lines (15 rows of progress among them), each failure at most once, "
            + "with the file:line of the student's code")
    void crashShowsStudentLine() throws Exception {
        assumeTrue(Tools.onPath("mvn"), "mvn is not on PATH: the handout build test is skipped");
        Path project = solvedHandout("crash");
        Files.copy(
                Path.of("src/test/resources/handout-crash/MaxPooling.java"),
                project.resolve("src/main/java/cnn/MaxPooling.java"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(mvnTest(project)).as("mvn test with a crashing step").isNotZero();
        List<Case> failed = ofStep(reports(project), Step.MAX_POOLING).stream()
                .filter(Case::failed)
                .toList();
        assertThat(failed).as("Max pooling's checks crash").isNotEmpty();

        String log = Files.readString(project.resolve("mvn.log"));
        assertThat(log.lines().count()).as(log).isLessThanOrEqualTo(40);
        assertThat(log)
                .as(log)
                .contains("at cnn.MaxPooling.pool(MaxPooling.java:8)   <- your code")
                .contains("FAILED Step 2 — Max pooling > ")
                .contains("(it runs your steps: fix those above first)")
                .doesNotContain("FAILED Part 2 — Training")
                .doesNotContain("at org.junit")
                .doesNotContain("[INFO]");
        // the listener prints a step's first failure in full, two more in a line each, and counts the rest
        int listed = Math.min(failed.size(), 3);
        assertThat(log.split("FAILED Step 2 — Max pooling > ", -1).length - 1)
                .as("each failure at most once: " + log)
                .isEqualTo(listed);
        if (failed.size() > listed) {
            assertThat(log).contains("... and " + (failed.size() - listed) + " more of MaxPooling");
        }
        assertThat(log.indexOf("Progress by step"))
                .as("the table after the failures")
                .isGreaterThan(log.lastIndexOf("FAILED"));
    }

    @Test
    @DisplayName("a step that does not compile costs that step only, run as the Classroom workflow runs each step")
    void compileErrorCostsOneStep() throws Exception {
        assumeTrue(Tools.onPath("mvn"), "mvn is not on PATH: the handout build test is skipped");
        Path project = solvedHandout("classroom");
        Path relu = project.resolve("src/main/java/cnn/Relu.java");
        Files.writeString(relu, Files.readString(relu) + "\nthis line does not compile\n");
        String workflow = Files.readString(project.resolve(".github/workflows/classroom.yml"));

        assertThat(mvn(project, classroomCommand(workflow, Step.RELU)))
                .as("Relu's step, which does not compile")
                .isNotZero();
        assertThat(mvn(project, classroomCommand(workflow, Step.CONVOLUTION)))
                .as("Convolution's step, beside it")
                .isZero();
    }

    @Test
    @DisplayName(
            "Part 2's workflow: a backward pass's test runs beside a step that does not compile, Training's does not")
    void part2CompileErrorCostsOneUnit() throws Exception {
        assumeTrue(Tools.onPath("mvn"), "mvn is not on PATH: the handout build test is skipped");
        Path project = solvedHandout("classroom-part2", Assignment.BACKPROP);
        Path relu = project.resolve("src/main/java/cnn/Relu.java");
        Files.writeString(relu, Files.readString(relu) + "\nthis line does not compile\n");
        String workflow = Files.readString(project.resolve(".github/workflows/classroom.yml"));

        assertThat(mvn(project, classroomCommand(workflow, Step.RELU)))
                .as("ReluBackward's test, whose step does not compile")
                .isNotZero();
        assertThat(mvn(project, classroomCommand(workflow, Step.FULL_CONNECTION)))
                .as("FullConnectionBackward's test, beside it (compiled with CrossEntropy)")
                .isZero();
        assertThat(Files.readString(project.resolve("mvn.log"))).contains("FullConnectionBackward");
        java.util.regex.Matcher training = java.util.regex.Pattern.compile("command: (mvn .*-Dtest='TrainingTest')")
                .matcher(workflow);
        assertThat(training.find()).as("Training's command").isTrue();
        List<String> trainingCommand =
                List.of(training.group(1).replace("'", "").split(" "));
        assertThat(mvn(project, trainingCommand))
                .as("Training, which calls every step")
                .isNotZero();
        Files.writeString(relu, Files.readString(Path.of("../solutions/src/main/java/cnn/Relu.java")));
        assertThat(mvn(project, trainingCommand))
                .as("Training once every step compiles")
                .isZero();
    }

    /** @return the step's command in the workflow, as arguments (its quotes taken off as the shell would) */
    private static List<String> classroomCommand(String workflow, Step step) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "command: (mvn .*-Dstep=" + step.className() + " .*)")
                .matcher(workflow);
        assertThat(m.find()).as("the workflow's command for " + step).isTrue();
        return List.of(m.group(1).replace("'", "").split(" "));
    }

    /** @return a fresh handout with the reference solutions in place of the stubs */
    private Path solvedHandout(String name) throws IOException {
        return solvedHandout(name, Assignment.FORWARD);
    }

    /** @return a fresh handout whose Classroom workflow grades that part, with the reference solutions */
    private Path solvedHandout(String name, Assignment classroom) throws IOException {
        Path solved = temp.resolve(name);
        new Handout(
                        CoursePoints.perStep(Rubric.defaults()),
                        CoursePoints.perStep(Rubric.defaults(Assignment.BACKPROP)),
                        classroom)
                .writeTo(solved);
        try (Stream<Path> solutions = Files.list(Path.of("../solutions/src/main/java/cnn"))) {
            for (Path s : solutions.toList()) {
                Files.copy(
                        s,
                        solved.resolve("src/main/java/cnn").resolve(s.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return solved;
    }

    private static List<Case> ofStep(List<Case> cases, Step step) {
        String prefix = step.studentClass() + "Test";
        return cases.stream()
                .filter(c -> c.className().equals(prefix) || c.className().startsWith(prefix + "$"))
                .toList();
    }

    private int mvnTest(Path project) throws IOException, InterruptedException {
        return mvn(project, List.of("mvn", "-q", "-B", "test"));
    }

    /** Runs a Maven command offline in the project (its output in mvn.log). */
    private int mvn(Path project, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(args);
        command.add(1, "-o");
        String repo = System.getProperty("kit.maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        Path log = project.resolve("mvn.log");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"); // a short build: start fast
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in 5 minutes in " + project);
        }
        return p.exitValue();
    }

    private static List<Case> reports(Path project) throws Exception {
        Path dir = project.resolve("target/surefire-reports");
        assertThat(dir).as("surefire reports (see mvn.log)").isDirectory();
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path xml : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml"))
                    .toList()) {
                Element suite = DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(xml.toFile())
                        .getDocumentElement();
                // One report per top-level test class; its test cases' classname is a display name for @Nested.
                String testClass = suite.getAttribute("name");
                NodeList testcases = suite.getElementsByTagName("testcase");
                for (int i = 0; i < testcases.getLength(); i++) {
                    Element tc = (Element) testcases.item(i);
                    Element problem = first(tc, "failure");
                    problem = problem != null ? problem : first(tc, "error");
                    cases.add(new Case(
                            testClass,
                            tc.getAttribute("name"),
                            problem != null,
                            problem == null
                                    ? null
                                    : problem.getAttribute("message") + "\n" + problem.getTextContent()));
                }
            }
        }
        return cases;
    }

    private static Element first(Element parent, String tag) {
        NodeList l = parent.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }
}
