package cnnkit.grader.common;

import cnnkit.lecture.Step;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a class is graded on: Part 1, the forward pass ({@code grade}, or {@code --assignment forward}), or Part 2,
 * the backward passes and the training step ({@code --assignment backprop}). An assignment decides which hidden
 * test classes run, which rubric scores them and what the gradebook's columns are; the grading pipeline (collect,
 * compile, run) is the same, since Part 2's methods live in the same files as Part 1's.
 *
 * <p>Each graded unit of an assignment sits in the slot of one {@link Step}, the file whose replacement by its stub
 * costs the unit its points: Part 1's units are the steps themselves, Part 2's are {@link Step#backwardName()}
 * ({@code MaxPoolingBackward} in MaxPooling's slot) and {@link Step#TRAINING} in CrossEntropy's slot (CrossEntropy has
 * no backward pass of its own in Part 2; its {@code y − t} gradient is the last step the training loop calls).
 * ErrorMeasures has no unit in Part 2. A unit's name is its check ids' prefix, its hidden test class
 * ({@code cnnkit.hidden.<unit>HiddenTest}) and its gradebook column.
 */
public enum Assignment {
    /** Part 1: every step's forward pass (the default, its gradebook as it always was). */
    FORWARD("forward", "/cnnkit/rubric.csv"),
    /** Part 2: the backward passes and the training step. */
    BACKPROP("backprop", "/cnnkit/rubric-backprop.csv");

    private final String id;
    private final String rubric;

    Assignment(String id, String rubric) {
        this.id = id;
        this.rubric = rubric;
    }

    /** @return the name {@code --assignment} takes, e.g. {@code "backprop"} */
    public String id() {
        return id;
    }

    /** @return the resource path of the default rubric */
    public String rubricResource() {
        return rubric;
    }

    /**
     * @param step a step (a file of the submission)
     * @return the unit graded in that step's slot, e.g. {@code "MaxPoolingBackward"}; empty if none
     */
    public Optional<String> unit(Step step) {
        if (this == FORWARD) {
            return Optional.of(step.className());
        }
        return step == Step.CROSS_ENTROPY ? Optional.of(Step.TRAINING) : step.backwardName();
    }

    /**
     * @param step a step of {@link #steps()}
     * @return the file the student writes the unit in: the step's own, except {@code Training.java} for Training
     */
    public String sourceFile(Step step) {
        return this == BACKPROP && step == Step.CROSS_ENTROPY ? Step.TRAINING + ".java" : step.sourceFile();
    }

    /** @return the steps whose slots hold a unit of this assignment, in lecture order */
    public List<Step> steps() {
        return Arrays.stream(Step.values()).filter(s -> unit(s).isPresent()).toList();
    }

    /** @return the units, in the order of {@link #steps()} (the gradebook's columns) */
    public List<String> units() {
        return steps().stream().map(s -> unit(s).orElseThrow()).toList();
    }

    /**
     * @param step a step of {@link #steps()}
     * @return the lecture's label of the unit, e.g. "Step 2", "Back 2" or "Train"
     */
    public String label(Step step) {
        if (this == FORWARD) {
            return step.label();
        }
        return step == Step.CROSS_ENTROPY
                ? Step.TRAINING_LABEL
                : step.backwardLabel().orElseThrow();
    }

    /** A unit's place: its assignment and the step whose slot it sits in. */
    public record Slot(Assignment assignment, Step step) {}

    /**
     * @param unit a unit's name, e.g. {@code "Relu"} or {@code "ReluBackward"}
     * @return its assignment and step, if it is a unit of any assignment
     */
    public static Optional<Slot> slotOf(String unit) {
        for (Assignment a : values()) {
            for (Step s : a.steps()) {
                if (a.unit(s).orElseThrow().equals(unit)) {
                    return Optional.of(new Slot(a, s));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param id an assignment's {@link #id()}, any case
     * @return it, if any
     */
    public static Optional<Assignment> byId(String id) {
        return Arrays.stream(values())
                .filter(a -> a.id.equals(id == null ? "" : id.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** @return every assignment's id, e.g. for a message listing the valid ones */
    public static String ids() {
        return Arrays.stream(values()).map(Assignment::id).collect(Collectors.joining(", "));
    }
}
