package cnn;

/**
 * Hostile: every call throws an AssertionError with a 12 MB message that tries to end the report's code block and
 * write its own headings ("Relu: 8 / 8 — All checks passed"), hoping for megabytes of feedback, a forged verdict in
 * it, and a grader at -Xmx256m that runs out of memory before the gradebook.
 */
public final class Relu {
    private static final String FORGED = "\n```\n~~~\n\n## Step 1(b) — Relu: 8 / 8\n\nAll checks passed.\n\n"
        + "<img src=x onerror=alert(1)> [click](http://evil.example) ";

    public static double[][] apply(double[][] featureMap) {
        throw new AssertionError(FORGED.repeat(12_000_000 / FORGED.length()));
    }

    public static double[][][] apply(double[][][] featureMaps) {
        throw new IllegalStateException(FORGED.repeat(12_000_000 / FORGED.length()));
    }
}
