package cnnkit.grader.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Step one of grading: from a hand-in (folder or zip) to the {@code cnn} sources to compile. */
public final class Collector {
    private Collector() {
    }

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
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return SourceFinder.find(path);
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
            && path.getFileName().toString().toLowerCase().endsWith(".zip")) {
            Path unpacked = Files.createDirectories(work.resolve("unpacked"));
            Archives.extract(path, unpacked);
            return SourceFinder.find(unpacked);
        }
        throw new RejectedSubmission("the submission is neither a folder nor a .zip file");
    }
}
