package cnnkit.walkthrough;

import cnnkit.grader.Step;
import java.util.List;
import java.util.Optional;

/**
 * Names the mistake behind a wrong result, the way the hidden tests do: by comparing the learner's output with what
 * a known mistake (a "wrong oracle") would give for the same inputs — never by reading their source.
 *
 * <p>This is the seam to the grader's misconception catalogue: {@link LectureMistakes} knows a few mistakes; the
 * catalogue's wrong oracles can stand in for it without the walk changing.
 */
public interface MistakeRecogniser {
    /**
     * @param step   the step whose result is wrong
     * @param inputs the step's inputs in the order of its method's parameters (vectors as one-row grids)
     * @param actual the learner's result
     * @return the id of the misconception whose wrong oracle gives exactly {@code actual}, if any
     */
    Optional<String> recognise(Step step, List<Grid> inputs, Grid actual);
}
