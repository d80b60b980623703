package cnnkit.walkthrough;

import cnnkit.lecture.Step;
import java.util.List;
import java.util.Optional;

/**
 * Names the mistake behind a wrong result, the way the hidden tests do: by comparing the learner's output with what
 * a known mistake (a "wrong oracle") would give for the same inputs — never by reading their source.
 *
 * <p>This is the seam to the grader's misconception catalogue: {@link MistakeTable} reads what the catalogue's wrong
 * oracles give on the walk's inputs, computed when the kit is built (the tests' {@code CatalogueMistakes} asks the
 * oracles themselves); another recogniser can stand in without the walk changing.
 */
public interface MistakeRecogniser {
    /**
     * @param step   the step whose result is wrong
     * @param method the {@code cnn} method the walk called, e.g. {@code "convolve"}, {@code "loss"},
     *               {@code "meanSquaredError"} (a step may have several)
     * @param inputs the call's arguments in parameter order (vectors as one-row grids). ErrorMeasures is checked on
     *               both networks at once: inputs are (NN1 predicted, NN1 actual, NN2 predicted, NN2 actual) and
     *               the result is the row (NN1, NN2)
     * @param actual the learner's result (a vector as one row, a number as 1x1)
     * @return the id of the misconception whose wrong oracle gives exactly {@code actual}, if any
     */
    Optional<String> recognise(Step step, String method, List<Grid> inputs, Grid actual);

    /**
     * @param misconception an id that {@link #recognise} returned
     * @return the catalogue's hint for it, or "" if it has none
     */
    String hint(String misconception);
}
