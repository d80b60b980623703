package cnnkit.grader.collect;

import cnnkit.grader.common.StudentText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        String name =
                path.getFileName() == null ? "submission" : path.getFileName().toString();
        if (name.toLowerCase().endsWith(".zip")) {
            name = name.substring(0, name.length() - 4);
        }
        String safe = name.replaceAll("[^A-Za-z0-9._@+-]", "_");
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) {
            return "submission";
        }
        if (".@+-".indexOf(safe.charAt(0)) >= 0) {
            // "+...", "-...", "@..." are formulas to a spreadsheet ("=" is replaced above); ".work" is the grader's
            safe = "_" + safe.substring(1);
        }
        if (safe.length() > MAX_ID) {
            safe = safe.substring(0, MAX_ID);
        }
        return safe;
    }

    /**
     * @param paths submission folders or zips, each one submission
     * @return the submissions, sorted by id
     * @throws IllegalArgumentException if two of them would be graded under one id (e.g. {@code alice/} beside
     *                                  {@code alice.zip}): the message names both, as neither can be renamed
     *                                  without the instructor knowing which student is which
     */
    public static List<Submission> of(List<Path> paths) {
        Map<String, Path> byId = new TreeMap<>();
        for (Path p : paths) {
            Path before = byId.putIfAbsent(idOf(p), p);
            if (before != null) {
                throw new IllegalArgumentException("two submissions would both be graded as '" + idOf(p) + "': "
                        + before + " and " + p + "; rename or remove one of them");
            }
        }
        List<Submission> out = new ArrayList<>();
        byId.forEach((id, p) -> out.add(new Submission(id, p)));
        return out;
    }

    /**
     * @param classDir a folder whose every child folder or {@code .zip} is one submission (hidden files,
     *                 {@code __MACOSX} and other files are not: see {@link #strays})
     * @return the submissions in it, sorted by id
     * @throws IOException              if the folder cannot be listed
     * @throws IllegalArgumentException if two children would be graded under one id
     */
    public static List<Submission> ofClass(Path classDir) throws IOException {
        return of(children(classDir).stream().filter(Submission::isSubmission).toList());
    }

    /**
     * @param classDir a class folder
     * @return its files that are no submission (e.g. a README.txt or a roster left there), sorted: listed to the
     *         instructor, never graded as a rejected submission
     * @throws IOException if the folder cannot be listed
     */
    public static List<Path> strays(Path classDir) throws IOException {
        return children(classDir).stream()
                .filter(p -> !isSubmission(p))
                .sorted()
                .toList();
    }

    /**
     * @param classDir a class folder
     * @return each hidden child (name starting with a dot) and {@code __MACOSX}, with why it is not graded, e.g.
     *         ".alice: a hidden folder, not a submission (...)": listed to the instructor, never silently dropped
     * @throws IOException if the folder cannot be listed
     */
    public static List<String> hidden(Path classDir) throws IOException {
        try (Stream<Path> children = Files.list(classDir)) {
            return children.filter(Submission::isHidden)
                    .sorted()
                    .map(p -> StudentText.line(p.getFileName().toString()) + ": "
                            + (p.getFileName().toString().equals("__MACOSX")
                                    ? "macOS archive metadata, not a submission"
                                    : "a hidden " + (Files.isDirectory(p) ? "folder" : "file")
                                            + ", not a submission (rename it without the leading dot to grade it)"))
                    .toList();
        }
    }

    private static List<Path> children(Path classDir) throws IOException {
        try (Stream<Path> children = Files.list(classDir)) {
            return children.filter(p -> !isHidden(p)).toList();
        }
    }

    private static boolean isHidden(Path p) {
        return p.getFileName().toString().startsWith(".")
                || p.getFileName().toString().equals("__MACOSX");
    }

    private static boolean isSubmission(Path p) {
        return Files.isDirectory(p)
                || p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }
}
