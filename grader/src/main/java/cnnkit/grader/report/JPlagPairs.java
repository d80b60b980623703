package cnnkit.grader.report;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.clustering.ClusteringOptions;
import de.jplag.exceptions.ExitException;
import de.jplag.options.JPlagOptions;
import de.jplag.reporting.reportobject.ReportObjectFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The one class that names JPlag's API, so that {@link Similarity} loads without JPlag and can say it is missing.
 */
final class JPlagPairs {
    /** JPlag refused the input or failed. */
    static final class Failed extends Exception {
        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private JPlagPairs() {}

    /**
     * @param root   one folder per submission
     * @param base   the base code (the stubs), whose matches count for nothing
     * @param report where JPlag's report zip goes
     * @return every pair, named by folder
     */
    static List<Similarity.Pair> compare(Path root, Path base, Path report) throws Failed, IOException {
        JPlagOptions options = new JPlagOptions(new de.jplag.java.Language(), Set.of(root.toFile()), Set.of())
                .withBaseCodeSubmissionDirectory(base.toFile())
                // Its clusters (spectral, tuned by a Bayesian search) took a quarter of JPlag's CPU at 40
                // submissions and are not used: the report's groups are pairs above the threshold that share one.
                .withClusteringOptions(new ClusteringOptions().withEnabled(false));
        JPlagResult result;
        try {
            result = new JPlag(options).run();
        } catch (ExitException | RuntimeException e) {
            throw new Failed(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        Files.deleteIfExists(report);
        String name = report.toString();
        // JPlag appends ".zip" to the name it is given
        new ReportObjectFactory().createAndSaveReport(result, name.substring(0, name.length() - ".zip".length()));
        return result.getAllComparisons().stream().map(JPlagPairs::pair).toList();
    }

    private static Similarity.Pair pair(JPlagComparison c) {
        return new Similarity.Pair(
                c.firstSubmission().getName(), c.secondSubmission().getName(), c.similarity());
    }
}
