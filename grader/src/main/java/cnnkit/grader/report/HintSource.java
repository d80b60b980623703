package cnnkit.grader.report;

import cnnkit.hidden.support.Misconceptions;
import java.util.Optional;

/**
 * The hint the feedback shows for a recognised misconception: the one place where the reports meet the
 * misconception catalogue ({@link Misconceptions}, {@code cnnkit/misconceptions.csv}).
 */
public final class HintSource {
    private final Misconceptions catalogue;

    private HintSource(Misconceptions catalogue) {
        this.catalogue = catalogue;
    }

    /** @return the hints of the catalogue shipped with the grader */
    public static HintSource catalogue() {
        return new HintSource(Misconceptions.load());
    }

    /**
     * @param misconception a misconception id (may be empty)
     * @return its hint, if the catalogue has one
     */
    public Optional<String> hint(String misconception) {
        return Optional.ofNullable(misconception)
                .filter(m -> !m.isEmpty())
                .flatMap(catalogue::byId)
                .map(Misconceptions.Misconception::hint);
    }
}
