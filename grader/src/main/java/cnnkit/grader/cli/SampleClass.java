package cnnkit.grader.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The sample class shipped in the jar ({@code grade --sample}), turned into a folder of submissions.
 *
 * <p>Writing 30 full copies of the same eight classes would hide what each sample is about. So the resources hold one
 * correct implementation, {@code _base/cnn/*.java}, and per submission a folder with a {@code recipe.txt} and only
 * the files that differ. A recipe has one directive per line ({@code #} starts a comment):
 * <pre>
 * about: what this submission shows
 * expect: full | loses Step[, Step] | status no_sources
 * base: DIR                       copy the base classes into DIR of the submission (e.g. src/main/java/cnn)
 * drop: File.java                 leave that base class out
 * replace: File.java: old => new  replace the one occurrence of old in that file ("\n" in new starts a line)
 * zip                             hand the submission in as ID.zip with a top folder ID/
 * </pre>
 * Every other file of the folder is copied over the base at the same relative path. {@code index.txt} lists every
 * resource (a jar cannot be listed); a test keeps it in step with the folder.
 */
public final class SampleClass {
    /** Where the sample class sits on the class path. */
    public static final String ROOT = "/cnnkit/sample-class/";
    private static final String BASE = "_base/";
    private static final String RECIPE = "recipe.txt";
    private static final FileTime EPOCH = FileTime.fromMillis(315_532_800_000L); // 1980-01-01: zips byte-identical

    /** One submission of the sample class and what grading it should show. */
    public record Sample(String id, String about, String expect, boolean zip) {
    }

    private SampleClass() {
    }

    /**
     * Writes every submission of the sample class into {@code dir}, one child (folder or zip) per submission.
     *
     * @param dir an empty or missing folder
     * @return the submissions written, sorted by id
     * @throws IOException if a resource cannot be read or a file not written
     * @throws IllegalStateException if a recipe is malformed (a bug of the kit, caught by its tests)
     */
    public static List<Sample> materialise(Path dir) throws IOException {
        Map<String, List<String>> bySubmission = new TreeMap<>();
        List<String> base = new ArrayList<>();
        for (String path : index()) {
            if (path.startsWith(BASE)) {
                base.add(path.substring(BASE.length()));
            } else {
                int slash = path.indexOf('/');
                bySubmission.computeIfAbsent(path.substring(0, slash), k -> new ArrayList<>()).add(path.substring(slash + 1));
            }
        }
        Files.createDirectories(dir);
        List<Sample> samples = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : bySubmission.entrySet()) {
            samples.add(build(e.getKey(), e.getValue(), base, dir));
        }
        return samples;
    }

    /** @return every resource path of the sample class, relative to {@link #ROOT} */
    public static List<String> index() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open("index.txt"), StandardCharsets.UTF_8))) {
            return in.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList());
        }
    }

    private static Sample build(String id, List<String> files, List<String> base, Path dir) throws IOException {
        if (!files.contains(RECIPE)) {
            throw new IllegalStateException("sample " + id + " has no " + RECIPE);
        }
        Path work = Files.createDirectories(dir.resolve(id));
        Recipe recipe = Recipe.parse(id, read(id + "/" + RECIPE));
        if (recipe.baseDir != null) {
            for (String file : base) {
                if (!recipe.dropped.contains(file.substring(file.lastIndexOf('/') + 1))) {
                    write(work.resolve(recipe.baseDir).resolve(file.substring(file.indexOf('/') + 1)), read(BASE + file));
                }
            }
        }
        for (String file : files) {
            if (!file.equals(RECIPE)) {
                write(work.resolve(file), read(id + "/" + file));
            }
        }
        for (String[] r : recipe.replacements) {
            replace(id, work, r[0], r[1], r[2]);
        }
        if (recipe.zip) {
            zip(work, dir.resolve(id + ".zip"), id);
            deleteTree(work);
        }
        return new Sample(id, recipe.about, recipe.expect, recipe.zip);
    }

    /** Replaces the single occurrence of {@code old} in the one file named {@code name} of the submission. */
    private static void replace(String id, Path work, String name, String old, String now) throws IOException {
        List<Path> matches;
        try (Stream<Path> walk = Files.walk(work)) {
            matches = walk.filter(p -> p.getFileName().toString().equals(name)).collect(Collectors.toList());
        }
        if (matches.size() != 1) {
            throw new IllegalStateException(id + ": replace needs exactly one " + name + ", found " + matches.size());
        }
        String text = Files.readString(matches.get(0));
        int at = text.indexOf(old);
        if (at < 0 || text.indexOf(old, at + 1) >= 0) {
            throw new IllegalStateException(id + ": '" + old + "' must occur exactly once in " + name);
        }
        Files.writeString(matches.get(0), text.substring(0, at) + now.replace("\\n", "\n") + text.substring(at + old.length()));
    }

    private static void zip(Path folder, Path zipFile, String top) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zipFile))) {
            for (Path f : files) {
                ZipEntry entry = new ZipEntry(top + "/" + folder.relativize(f).toString().replace('\\', '/'));
                entry.setLastModifiedTime(EPOCH);
                out.putNextEntry(entry);
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }

    private static void write(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, content);
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = SampleClass.class.getResourceAsStream(ROOT + resource);
        if (in == null) {
            throw new IOException("sample class resource missing: " + ROOT + resource);
        }
        return in;
    }

    /** The directives of one {@code recipe.txt}. */
    private static final class Recipe {
        String about = "";
        String expect = "full";
        String baseDir;
        boolean zip;
        final List<String> dropped = new ArrayList<>();
        final List<String[]> replacements = new ArrayList<>();

        static Recipe parse(String id, byte[] text) {
            Recipe r = new Recipe();
            for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.equals("zip")) {
                    r.zip = true;
                    continue;
                }
                int colon = l.indexOf(':');
                String value = colon < 0 ? "" : l.substring(colon + 1).strip();
                switch (colon < 0 ? l : l.substring(0, colon)) {
                    case "about" -> r.about = value;
                    case "expect" -> r.expect = value;
                    case "base" -> r.baseDir = value;
                    case "drop" -> r.dropped.add(value);
                    case "replace" -> r.replacements.add(replacement(id, value));
                    default -> throw new IllegalStateException(id + "/" + RECIPE + ": unknown directive: " + l);
                }
            }
            return r;
        }

        /** {@code File.java: old => new} as {file, old, new}. */
        private static String[] replacement(String id, String value) {
            int colon = value.indexOf(": ");
            int arrow = value.indexOf(" => ");
            if (colon < 0 || arrow < colon) {
                throw new IllegalStateException(id + "/" + RECIPE + ": expected 'replace: File.java: old => new'");
            }
            return new String[] {value.substring(0, colon), value.substring(colon + 2, arrow), value.substring(arrow + 4)};
        }
    }
}
