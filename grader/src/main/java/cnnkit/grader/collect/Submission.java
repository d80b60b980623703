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
            return of(children.filter(p -> !p.getFileName().toString().startsWith(".")
                && !p.getFileName().toString().equals("__MACOSX")).toList());
        }
    }
}
