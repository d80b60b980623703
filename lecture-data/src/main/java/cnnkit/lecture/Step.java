package cnnkit.lecture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The steps of the lecture, in lecture order. Each step is one class of package {@code cnn} with the same name in
 * the exercises, the solutions, the graded checks, the feedback, the gradebook columns and
 * the lecture data folders. This enum is the kit's one list of steps: the students' progress table, the rubric's
 * messages and the self-checks read it (the handout ships this file beside {@code LectureData}).
 */
public enum Step {
    CONVOLUTION("Convolution", "Step 1", "Back 1"),
    RELU("Relu", "Step 1(b)", "Back 1(b)"),
    MAX_POOLING("MaxPooling", "Step 2", "Back 2"),
    FLATTENING("Flattening", "Step 3", "Back 3"),
    FULL_CONNECTION("FullConnection", "Step 4", "Back 4"),
    SOFTMAX("Softmax", "Extra 1", "Back E1"),
    // Part 1's CrossEntropy.gradient is already the fused y − t backward pass; error measures have none.
    CROSS_ENTROPY("CrossEntropy", "Extra 2", null),
    ERROR_MEASURES("ErrorMeasures", "Extra 3", null);

    private final String className;
    private final String label;
    private final String backwardLabel;

    Step(String className, String label, String backwardLabel) {
        this.className = className;
        this.label = label;
        this.backwardLabel = backwardLabel;
    }

    /** @return the simple class name, e.g. {@code "MaxPooling"}: the step's name everywhere in the kit */
    public String className() {
        return className;
    }

    /** @return the lecture's label, e.g. {@code "Step 2"} */
    public String label() {
        return label;
    }

    /**
     * @return the name of this step's backward pass (Part 2), e.g. {@code "MaxPoolingBackward"}: its public tests
     *     are {@code <name>Test}; empty for a step without one
     */
    public Optional<String> backwardName() {
        return Optional.ofNullable(backwardLabel).map(l -> className + "Backward");
    }

    /** @return the lecture's label of the backward pass, e.g. {@code "Back 2"}; empty for a step without one */
    public Optional<String> backwardLabel() {
        return Optional.ofNullable(backwardLabel);
    }

    /**
     * Part 2's capstone, the training step ({@code cnn.Training}): one forward pass, one backward pass, one update
     * through every step above. Not a step of the forward pass, so not one of these constants; Part 2's last graded
     * unit after the backward passes.
     */
    public static final String TRAINING = "Training";

    /** The lecture's label of {@link #TRAINING}, after the backward passes' "Back …" labels. */
    public static final String TRAINING_LABEL = "Train";

    /**
     * @return Part 2's graded units in order, its gradebook columns: every step's {@link #backwardName()}, then
     *     {@link #TRAINING}
     */
    public static List<String> backwardUnits() {
        List<String> units = new ArrayList<>();
        for (Step step : values()) {
            step.backwardName().ifPresent(units::add);
        }
        units.add(TRAINING);
        return List.copyOf(units);
    }

    /** @return every step's name, in lecture order, e.g. for a message listing the valid ones */
    public static String names() {
        return Arrays.stream(values()).map(Step::className).collect(Collectors.joining(", "));
    }

    /** @return the student's source file, e.g. {@code "MaxPooling.java"} */
    public String sourceFile() {
        return className + ".java";
    }

    /** @return the fully qualified student class, e.g. {@code "cnn.MaxPooling"} */
    public String studentClass() {
        return "cnn." + className;
    }

    /**
     * @param name a step name as in {@link #className()}
     * @return that step, if any
     */
    public static Optional<Step> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.className.equals(name)).findFirst();
    }

    /**
     * @param given a step as a learner names it: the lecture's number ({@code 2}, {@code 1b} or {@code 1(b)},
     *     {@code E1} or {@code Extra 1}), or its name ({@code MaxPooling}); case and spaces do not matter
     * @return that step, if any
     */
    public static Optional<Step> byLabel(String given) {
        String g = given == null ? "" : squeeze(given);
        return Arrays.stream(values())
                .filter(s ->
                        g.equals(squeeze(s.className)) || g.equals(squeeze(s.label)) || g.equals(squeeze(s.number())))
                .findFirst();
    }

    /** @return the lecture's number in short, as a learner types it: "2" for Step 2, "1b", "E1" for Extra 1 */
    public String number() {
        String l = squeeze(label);
        return l.startsWith("step") ? l.substring("step".length()) : "E" + l.substring("extra".length());
    }

    /** @return every step's {@link #number()}, in lecture order, e.g. for a message listing the valid ones */
    public static String numbers() {
        return Arrays.stream(values()).map(Step::number).collect(Collectors.joining(", "));
    }

    /** @return the text in lower case without spaces or parentheses */
    private static String squeeze(String text) {
        return text.replaceAll("[\\s()]", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return className;
    }
}
