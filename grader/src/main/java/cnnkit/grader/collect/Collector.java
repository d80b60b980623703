package cnnkit.grader.collect;

import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Step one of grading: from a hand-in (folder or zip) to the {@code cnn} sources to compile. */
public final class Collector {
    private Collector() {}

    /**
     * @param submission the hand-in
     * @param work       a private, empty folder of this submission's grading (a zip is unpacked here)
     * @return the sources found and what was ignored
     * @throws RejectedSubmission if the hand-in is neither a folder nor a zip, or the zip is refused
     * @throws IOException        if reading fails
     */
    public static Sources collect(Submission submission, Path work) throws RejectedSubmission, IOException {
        Path path = submission.path();
        if (Files.isSymbolicLink(path)) {
            throw new RejectedSubmission("the submission is a symbolic link");
        }
        Path root;
        List<String> unpacking = List.of();
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            root = path;
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                && path.getFileName().toString().toLowerCase().endsWith(".zip")) {
            root = Files.createDirectories(work.resolve("unpacked"));
            unpacking = Archives.extract(path, root);
        } else {
            throw new RejectedSubmission("the submission is neither a folder nor a .zip file");
        }
        return privateCopy(SourceFinder.find(root), Files.createDirectories(work.resolve("src")), unpacking);
    }

    /**
     * Copies the sources taken into the work folder as clean UTF-8: compiled from there, the hand-in is never
     * touched, a byte-order mark (Windows editors) does not break the compiler, and a file saved in another encoding
     * is read as Windows-1252 (and said so) instead of failing.
     */
    private static Sources privateCopy(Sources found, Path dest, List<String> unpacking) throws IOException {
        List<String> notes = new ArrayList<>(unpacking);
        notes.addAll(found.notes());
        Map<Step, Path> steps = new EnumMap<>(Step.class);
        for (Map.Entry<Step, Path> e : found.steps().entrySet()) {
            steps.put(e.getKey(), copyAsUtf8(e.getValue(), dest, notes));
        }
        List<Path> helpers = new ArrayList<>();
        for (Path helper : found.helpers()) {
            helpers.add(copyAsUtf8(helper, dest, notes));
        }
        return new Sources(steps, helpers, found.ignored(), notes);
    }

    private static Path copyAsUtf8(Path file, Path dest, List<String> notes) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        ByteBuffer content = ByteBuffer.wrap(bytes, start, bytes.length - start);
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(content)
                    .toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, start, bytes.length - start, Charset.forName("windows-1252"));
            notes.add(file.getFileName() + " is not saved as UTF-8; it was read as Windows-1252. Save your files as "
                    + "UTF-8.");
        }
        return Files.writeString(dest.resolve(file.getFileName().toString()), text, StandardCharsets.UTF_8);
    }
}
