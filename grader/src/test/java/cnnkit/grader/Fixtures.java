package cnnkit.grader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds submissions for the grader's tests from the reference solutions and the exercise stubs. */
public final class Fixtures {
    public static final Path SOLUTIONS = cnnkit.grader.testing.Submissions.SOLUTIONS;
    public static final Path STUBS = cnnkit.grader.testing.Submissions.STUBS;

    private Fixtures() {}

    /** Copies every {@code .java} file of {@code from} into {@code to} (created). @return {@code to} */
    public static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    /** Replaces the first occurrence of {@code from} in a file; fails if it is not there. */
    public static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " does not contain " + from);
        }
        Files.writeString(
                file,
                text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    /** Zips a folder's files under {@code top/}, plus a {@code __MACOSX} entry as macOS adds. */
    public static Path zip(Path folder, Path zip, String top) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(
                        new ZipEntry(top + "/" + folder.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, z);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("__MACOSX/" + top + "/._Relu.java"));
            z.write(new byte[] {0, 5, 22, 7});
            z.closeEntry();
        }
        return zip;
    }

    /** @return the lines of a file */
    public static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }
}
