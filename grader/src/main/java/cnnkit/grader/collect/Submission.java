package cnnkit.grader.collect;

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

    /** @return the submission's id as derived from its file name (without {@code .zip}, safe characters only) */
    public static String idOf(Path path) {
        String name = path.getFileName() == null ? "submission" : path.getFileName().toString();
        if (name.toLowerCase().endsWith(".zip")) {
            name = name.substring(0, name.length() - 4);
        }
        String safe = name.replaceAll("[^A-Za-z0-9._@+-]", "_");
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "submission" : safe;
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
        return children(classDir).stream().filter(p -> !isSubmission(p)).sorted().toList();
    }

    private static List<Path> children(Path classDir) throws IOException {
        try (Stream<Path> children = Files.list(classDir)) {
            return children.filter(p -> !p.getFileName().toString().startsWith(".")
                && !p.getFileName().toString().equals("__MACOSX")).toList();
        }
    }

    private static boolean isSubmission(Path p) {
        return Files.isDirectory(p) || p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }
}
