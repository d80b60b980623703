package cnnkit.grader.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One student's hand-in as the instructor gave it: a folder or a {@code .zip}.
 *
 * @param id   the name it is graded under: the folder's or zip's name without {@code .zip}, made safe as a folder
 *             name; unique within one run
 * @param path the folder or zip
 */
public record Submission(String id, Path path) {

    /** Longest id: a folder of that name, with the reports' names inside, fits any file system. */
    public static final int MAX_ID = 100;

    /**
     * @return the submission's id as derived from its file name: without {@code .zip}, letters, digits and
     *     {@code . _ @ + -} only (others become {@code _}), not starting with {@code . @ + -} (hidden, or a
     *     spreadsheet formula), at most {@link #MAX_ID} characters
     */

    public static String idOf(Path path) {
        String name = path.getFileName() == null ? "submission" : path.getFileName().toString();
        if (name.toLowerCase().endsWith(".zip")) {
            name = name.substring(0, name.length() - 4);
        }
        String safe = name.replaceAll("[^A-Za-z0-9._@+-]", "_");
        if (!safe.isEmpty() && ".@+-".indexOf(safe.charAt(0)) >= 0) {
            // "+...", "-...", "@..." are formulas to a spreadsheet ("=" is replaced above); ".work" is the grader's
            safe = "_" + safe.substring(1);
        }
        if (safe.length() > MAX_ID) {
            safe = safe.substring(0, MAX_ID);
        }
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "submission" : safe;
    }

    /**
     * @param paths submission folders or zips, each one submission
     * @return the submissions, sorted by id; a repeated id gets a suffix ({@code alice}, {@code alice-2})
     */
    public static List<Submission> of(List<Path> paths) {
        List<Path> sorted = new ArrayList<>(paths);
        sorted.sort(Comparator.comparing(Submission::idOf).thenComparing(Path::toString));
        Set<String> taken = new HashSet<>();
        List<Submission> out = new ArrayList<>();
        for (Path p : sorted) {
            String id = idOf(p);
            for (int n = 2; !taken.add(id); n++) {
                id = idOf(p) + "-" + n;
            }
            out.add(new Submission(id, p));
        }
        out.sort(Comparator.comparing(Submission::id));
        return out;
    }

    /**
     * @param classDir a folder whose every (non-hidden) child is one submission
     * @return the submissions in it, sorted by id
     * @throws IOException if the folder cannot be listed
     */
    public static List<Submission> ofClass(Path classDir) throws IOException {
        try (Stream<Path> children = Files.list(classDir)) {
            return of(children.filter(p -> notASubmission(p).isEmpty()).toList());
        }
    }

    /**
     * @param classDir a folder of submissions
     * @return each child that {@link #ofClass} does not grade, with why, e.g. ".DS_Store: a hidden file (...)"
     * @throws IOException if the folder cannot be listed
     */
    public static List<String> skipped(Path classDir) throws IOException {
        try (Stream<Path> children = Files.list(classDir)) {
            return children.sorted().flatMap(p -> notASubmission(p).map(why -> p.getFileName() + ": " + why)
                .stream()).toList();
        }
    }

    private static java.util.Optional<String> notASubmission(Path child) {
        String name = child.getFileName().toString();
        if (name.equals("__MACOSX")) {
            return java.util.Optional.of("macOS archive metadata, not a submission");
        }
        return name.startsWith(".") ? java.util.Optional.of("a hidden " + (Files.isDirectory(child) ? "folder"
            : "file") + ", not a submission (rename it without the leading dot to grade it)")
            : java.util.Optional.empty();
    }

}
