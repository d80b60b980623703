package cnnkit.grader.collect;

import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a student's {@code cnn} sources wherever they sit: the exercises folder, a whole repository, an IDE project
 * or an unpacked zip with a top folder. A file belongs to the step by its {@code package cnn;} declaration and its
 * name, not by its folder. Build output, tests, hidden files, {@code __MACOSX}, other packages and anything that is
 * not Java are ignored, and each is said so.
 */
public final class SourceFinder {
    /** Largest source file read; larger ones are ignored (no CNN step needs it). */
    public static final long MAX_SOURCE_BYTES = 512 * 1024;

    private static final Set<String> SKIPPED_FOLDERS =
            Set.of("target", "build", "out", "bin", "test", "tests", "node_modules", "__MACOSX");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final int LISTED_OTHERS = 5;
    /** Files and folders looked at in one submission; more is not a CNN exercise (and walking it costs everyone). */
    public static final int MAX_FILES = 20_000;
    /** Java files compiled from one submission, at most. */
    public static final int MAX_SOURCES = 200;

    private SourceFinder() {}

    /**
     * @param root an unpacked submission
     * @return the {@code cnn} sources in it and what was ignored
     * @throws IOException if the tree cannot be walked
     */
    public static Sources find(Path root) throws IOException {
        List<Path> candidates = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<String> others = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            private int seen;

            private FileVisitResult tooMany() {
                ignored.add("everything after the first " + MAX_FILES + " files and folders: a submission this large "
                        + "is not looked at further");
                return FileVisitResult.TERMINATE;
            }

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (++seen > MAX_FILES) {
                    return tooMany();
                }
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = dir.getFileName().toString();
                if (name.startsWith(".") || SKIPPED_FOLDERS.contains(name)) {
                    ignored.add(rel(root, dir) + "/: "
                            + (name.startsWith(".") ? "a hidden folder" : "a build-output or test folder"));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (++seen > MAX_FILES) {
                    return tooMany();
                }
                String name = file.getFileName().toString();
                if (!name.endsWith(".java")) {
                    others.add(rel(root, file));
                } else if (attrs.isSymbolicLink() || !attrs.isRegularFile()) {
                    ignored.add(rel(root, file) + ": a link, not a file");
                } else if (name.startsWith(".")) {
                    ignored.add(rel(root, file) + ": a hidden file");
                } else if (name.endsWith("Test.java") || name.endsWith("Tests.java")) {
                    ignored.add(rel(root, file) + ": looks like a test, tests are not graded");
                } else if (attrs.size() > MAX_SOURCE_BYTES) {
                    ignored.add(rel(root, file) + ": larger than " + MAX_SOURCE_BYTES / 1024 + " KiB");
                } else if (candidates.size() >= MAX_SOURCES) {
                    ignored.add(rel(root, file) + ": more than " + MAX_SOURCES + " Java files, this one was not read");
                } else {
                    candidates.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                ignored.add(rel(root, file) + ": cannot be read");
                return FileVisitResult.CONTINUE;
            }
        });
        return classify(root, candidates, ignored, others);
    }

    private static Sources classify(Path root, List<Path> candidates, List<String> ignored, List<String> others)
            throws IOException {
        // Shallowest first, then by path: when a class appears twice the choice does not depend on the file system.
        candidates.sort(Comparator.comparingInt(Path::getNameCount).thenComparing(p -> rel(root, p)));
        Map<Step, Path> steps = new EnumMap<>(Step.class);
        Map<String, Path> chosen = new java.util.HashMap<>();
        List<Path> helpers = new ArrayList<>();
        for (Path file : candidates) {
            String pkg = packageOf(file).orElse("");
            String className = file.getFileName().toString().replaceFirst("\\.java$", "");
            if (!pkg.equals("cnn")) {
                ignored.add(rel(root, file) + ": "
                        + (pkg.isEmpty() ? "has no `package cnn;` declaration" : "is in package " + pkg + ", not cnn"));
            } else if (chosen.containsKey(className)) {
                ignored.add(rel(root, file) + ": a second copy of " + className + " (graded: "
                        + rel(root, chosen.get(className)) + ")");
            } else {
                chosen.put(className, file);
                Step.byName(className).ifPresentOrElse(step -> steps.put(step, file), () -> helpers.add(file));
            }
        }
        if (!others.isEmpty()) {
            others.sort(null);
            ignored.add(others.size() + " file(s) that are not Java sources, e.g. "
                    + String.join(", ", others.subList(0, Math.min(LISTED_OTHERS, others.size()))));
        }
        return new Sources(steps, helpers, ignored, List.of());
    }

    /** @return the package a source declares, comments ignored; empty for the default package */
    static Optional<String> packageOf(Path file) throws IOException {
        String text = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark, as some Windows editors write
        }
        Matcher m = PACKAGE.matcher(COMMENTS.matcher(text).replaceAll(" "));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
