package cnnkit.grader.course;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Whether an external tool the course tests run (mvn, bash) is installed: the tests skip cleanly without it. */
final class Tools {
    private Tools() {}

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null
                && Stream.of(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
