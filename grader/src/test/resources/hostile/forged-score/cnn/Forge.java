package cnn;

/**
 * Hostile (issue 11, hole 3): reads the worker's secrets from its own memory and the check ids from the rubric on
 * the class path, then writes a PASSED frame for every check and "done" to file descriptor 1.
 */
interface Forge {
    Object FORGED = forge();

    default void unused() {
    }

    static Object forge() {
        try {
            byte[] memory = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/self/mem"));
            java.io.InputStream rubric = ClassLoader.getSystemResourceAsStream("cnnkit/rubric.csv");
            java.io.PrintStream fd1 = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out));
            fd1.println("{\"nonce\":\"" + memory.length + "\",\"type\":\"result\",\"status\":\"PASSED\"}");
            fd1.println("{\"type\":\"done\"}");
            return rubric;
        } catch (java.io.IOException e) {
            return e;
        }
    }
}
