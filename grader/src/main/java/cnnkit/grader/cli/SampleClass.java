package cnnkit.grader.cli;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.common.CodeEdits;
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
 * the files that differ. A recipe is a {@link CodeEdits} spec (the format is described there) with these header keys:
 * <pre>
 * about: what this submission shows           (required)
 * expect: full | loses Step[, Step] | status no_sources   (required)
 * base: DIR        copy the base classes into DIR of the submission (e.g. src/main/java/cnn); without it, none
 * drop: File.java  leave that base class out (one line per class)
 * zip: true        hand the submission in as ID.zip with a top folder ID/
 * --- find Relu.java
 *             out[r] = featureMap[r].clone();
 * +++ replace
 *             out[r] = featureMap[r].clone()
 * </pre>
 * </pre>
 * Every other file of the folder is copied over the base at the same relative path. Then the recipe's blocks edit the
 * files: {@code --- find Relu.java} names the one file of that name in the submission (base or the folder's own).
 * {@code index.txt} lists every resource (a jar cannot be listed); a test keeps it in step with the folder.
 *
 * <p>Each assignment has a sample class of its own ({@link #root}): Part 1's in {@code cnnkit/sample-class/}, Part 2's
 * ({@code grade --sample --assignment backprop}) in {@code cnnkit/sample-class-backprop/}, whose {@code _base} is the
 * reference solutions with the given classes, copied there at build time ({@code grader/pom.xml}) and listed in its
 * index like the other files. There {@code expect: loses} names Part 2's units ({@code MaxPoolingBackward},
 * {@code Training}).
 */
public final class SampleClass {
    /** Where Part 1's sample class sits on the class path. */
    public static final String ROOT = "/cnnkit/sample-class/";
    /** Where Part 2's sample class sits on the class path. */
    public static final String BACKPROP_ROOT = "/cnnkit/sample-class-backprop/";

    private static final String BASE = "_base/";
    private static final String RECIPE = "recipe.txt";
    private static final FileTime EPOCH = FileTime.fromMillis(315_532_800_000L); // 1980-01-01: zips byte-identical

    /** One submission of the sample class and what grading it should show. */
    public record Sample(String id, String about, String expect, boolean zip) {}

    private SampleClass() {}

    /**
     * @param assignment what the sample class is graded on
     * @return where its sample class sits on the class path: {@link #ROOT} or {@link #BACKPROP_ROOT}
     */
    public static String root(Assignment assignment) {
        return assignment == Assignment.FORWARD ? ROOT : BACKPROP_ROOT;
    }

    /**
     * Writes every submission of an assignment's sample class into {@code dir}, one child (folder or zip) per
     * submission.
     *
     * @param assignment whose sample class
     * @param dir        an empty or missing folder
     * @return the submissions written, sorted by id
     * @throws IOException if a resource cannot be read or a file not written
     * @throws IllegalStateException if a recipe is malformed (a bug of the kit, caught by its tests)
     */
    public static List<Sample> materialise(Assignment assignment, Path dir) throws IOException {
        String root = root(assignment);
        Map<String, List<String>> bySubmission = new TreeMap<>();
        List<String> base = new ArrayList<>();
        for (String path : index(assignment)) {
            if (path.startsWith(BASE)) {
                base.add(path.substring(BASE.length()));
            } else {
                int slash = path.indexOf('/');
                bySubmission
                        .computeIfAbsent(path.substring(0, slash), k -> new ArrayList<>())
                        .add(path.substring(slash + 1));
            }
        }
        Files.createDirectories(dir);
        List<Sample> samples = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : bySubmission.entrySet()) {
            samples.add(build(root, e.getKey(), e.getValue(), base, dir));
        }
        return samples;
    }

    /**
     * @param assignment whose sample class
     * @return every resource path of that sample class, relative to its {@link #root}
     */
    public static List<String> index(Assignment assignment) throws IOException {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(open(root(assignment), "index.txt"), StandardCharsets.UTF_8))) {
            return in.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList());
        }
    }

    private static Sample build(String root, String id, List<String> files, List<String> base, Path dir)
            throws IOException {
        if (!files.contains(RECIPE)) {
            throw new IllegalStateException("sample " + id + " has no " + RECIPE);
        }
        Path work = Files.createDirectories(dir.resolve(id));
        Recipe recipe = Recipe.parse(id, read(root, id + "/" + RECIPE));
        if (recipe.baseDir() != null) {
            for (String file : base) {
                if (!recipe.dropped().contains(file.substring(file.lastIndexOf('/') + 1))) {
                    write(
                            work.resolve(recipe.baseDir()).resolve(file.substring(file.indexOf('/') + 1)),
                            read(root, BASE + file));
                }
            }
        }
        for (String file : files) {
            if (!file.equals(RECIPE)) {
                write(work.resolve(file), read(root, id + "/" + file));
            }
        }
        for (String file : recipe.edits().files()) {
            edit(id, work, file, recipe.edits());
        }
        if (recipe.zip()) {
            zip(work, dir.resolve(id + ".zip"), id);
            deleteTree(work);
        }
        return new Sample(id, recipe.about(), recipe.expect(), recipe.zip());
    }

    /** Applies the recipe's blocks for {@code name} to the one file of that name in the submission. */
    private static void edit(String id, Path work, String name, CodeEdits edits) throws IOException {
        List<Path> matches;
        try (Stream<Path> walk = Files.walk(work)) {
            matches = walk.filter(p -> p.getFileName().toString().equals(name)).collect(Collectors.toList());
        }
        if (matches.size() != 1) {
            throw new IllegalStateException(
                    id + ": '--- find " + name + "' needs exactly one " + name + ", found " + matches.size());
        }
        Files.writeString(matches.get(0), edits.apply(name, Files.readString(matches.get(0))));
    }

    private static void zip(Path folder, Path zipFile, String top) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zipFile))) {
            for (Path f : files) {
                ZipEntry entry =
                        new ZipEntry(top + "/" + folder.relativize(f).toString().replace('\\', '/'));
                entry.setLastModifiedTime(EPOCH);
                out.putNextEntry(entry);
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p :
                    walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }

    private static void write(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, content);
    }

    private static byte[] read(String root, String resource) throws IOException {
        try (InputStream in = open(root, resource)) {
            return in.readAllBytes();
        }
    }

    private static InputStream open(String root, String resource) throws IOException {
        InputStream in = SampleClass.class.getResourceAsStream(root + resource);
        if (in == null) {
            throw new IOException("sample class resource missing: " + root + resource);
        }
        return in;
    }

    /** The header and blocks of one {@code recipe.txt}. */
    private record Recipe(
            String about, String expect, String baseDir, List<String> dropped, boolean zip, CodeEdits edits) {
        private static final List<CodeEdits.Key> KEYS = List.of(
                CodeEdits.Key.required("about"),
                CodeEdits.Key.required("expect"),
                CodeEdits.Key.optional("base"),
                CodeEdits.Key.repeatable("drop"),
                CodeEdits.Key.optional("zip"));

        static Recipe parse(String id, byte[] text) {
            String name = id + "/" + RECIPE;
            CodeEdits edits;
            try {
                edits = CodeEdits.parse(name, new String(text, StandardCharsets.UTF_8), KEYS);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            String zip = edits.value("zip");
            if (zip != null && !zip.equals("true") && !zip.equals("false")) {
                throw new IllegalStateException(
                        name + ": expected 'zip: true' or 'zip: false', got 'zip: " + zip + "'");
            }
            return new Recipe(
                    edits.value("about"),
                    edits.value("expect"),
                    edits.value("base"),
                    edits.values("drop"),
                    "true".equals(zip),
                    edits);
        }
    }
}
