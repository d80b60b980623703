package cnnkit.lecture;

import java.util.Arrays;
import java.util.Optional;

/**
 * The steps of the lecture, in lecture order. Each step is one class of package {@code cnn} with the same name in
 * the exercises, the solutions, the hidden tests ({@code <name>HiddenTest}), the feedback, the gradebook columns and
 * the lecture data folders.
 */
public enum Step {
    CONVOLUTION("Convolution", "Step 1"),
    RELU("Relu", "Step 1(b)"),
    MAX_POOLING("MaxPooling", "Step 2"),
    FLATTENING("Flattening", "Step 3"),
    FULL_CONNECTION("FullConnection", "Step 4"),
    SOFTMAX("Softmax", "Extra 1"),
    CROSS_ENTROPY("CrossEntropy", "Extra 2"),
    ERROR_MEASURES("ErrorMeasures", "Extra 3");

    private final String className;
    private final String label;

    Step(String className, String label) {
        this.className = className;
        this.label = label;
    }

    /** @return the simple class name, e.g. {@code "MaxPooling"}: the step's name everywhere in the kit */
    public String className() {
        return className;
    }

    /** @return the lecture's label, e.g. {@code "Step 2"} */
    public String label() {
        return label;
    }

    /** @return the student's source file, e.g. {@code "MaxPooling.java"} */
    public String sourceFile() {
        return className + ".java";
    }

    /** @return the fully qualified student class, e.g. {@code "cnn.MaxPooling"} */
    public String studentClass() {
        return "cnn." + className;
    }

    /** @return the hidden test class of this step */
    public String hiddenTestClass() {
        return "cnnkit.hidden." + className + "HiddenTest";
    }

    /**
     * @param name a step name as in {@link #className()}
     * @return that step, if any
     */
    public static Optional<Step> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.className.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return className;
    }
}
