package cnnkit.grader.run;

import cnnkit.grader.common.Assignment;
import cnnkit.hidden.support.CheckFailure;
import cnnkit.lecture.Step;
import java.nio.file.Path;

/** Which steps have hidden tests in this build of the grader (a step without any is not run). */
public final class HiddenTests {
    private HiddenTests() {}

    /**
     * @param step a step
     * @return its hidden test class, {@code cnnkit.hidden.<name>HiddenTest} (named here, not in {@link Step}: the
     *     handout ships {@code Step}, and nothing a student gets names the hidden tests)
     */
    public static String className(Step step) {
        return className(Assignment.FORWARD, step);
    }

    /**
     * @param assignment the assignment graded
     * @param step       a step of it
     * @return the hidden test class of the step's unit, {@code cnnkit.hidden.<unit>HiddenTest}
     */
    public static String className(Assignment assignment, Step step) {
        return "cnnkit.hidden." + assignment.unit(step).orElseThrow() + "HiddenTest";
    }

    /** @return true if the step's hidden test class is part of the grader */
    public static boolean exist(Step step) {
        return exist(Assignment.FORWARD, step);
    }

    /** @return true if the hidden test class of the step's unit in this assignment is part of the grader */
    public static boolean exist(Assignment assignment, Step step) {
        if (assignment.unit(step).isEmpty()) {
            return false;
        }
        String resource = className(assignment, step).replace('.', '/') + ".class";
        return HiddenTests.class.getClassLoader().getResource(resource) != null;
    }

    /**
     * A loader for the hidden tests against one submission. Here, not in {@link StudentClassLoader}: the learners'
     * jar ships that loader without the hidden tests, so it must not name a class of theirs.
     *
     * @param studentClasses folder with the submission's compiled {@code cnn/*.class}
     */
    public static StudentClassLoader loader(Path studentClasses) {
        return loader(studentClasses, StudentClassLoader.class.getClassLoader());
    }

    /** As {@link #loader(Path)}, below another parent (the plan's recording adds a service file there). */
    static StudentClassLoader loader(Path studentClasses, ClassLoader parent) {
        return new StudentClassLoader(studentClasses, parent, CheckFailure.class, "cnnkit.hidden.");
    }
}
