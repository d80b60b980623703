package cnnkit.grader.run;

import cnnkit.lecture.Step;

/** Which steps have hidden tests in this build of the grader (a step without any is not run). */
public final class HiddenTests {
    private HiddenTests() {
    }

    /** @return true if the step's hidden test class is part of the grader */
    public static boolean exist(Step step) {
        String resource = step.hiddenTestClass().replace('.', '/') + ".class";
        return HiddenTests.class.getClassLoader().getResource(resource) != null;
    }
}
