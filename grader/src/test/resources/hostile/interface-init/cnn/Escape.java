package cnn;

/** Hostile: reads the worker's environment through /proc, never called by any method of a step. */
final class Escape {
    private Escape() {
    }

    static Object run() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/environ"));
        } catch (java.io.IOException e) {
            return e;
        }
    }
}
