package cnnkit.grader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The checks every command makes on the files it is given, before it does any work: a file to read must exist,
 * a file to write must not silently replace one, a folder to write into must not be a file. Each failure is a
 * picocli {@link CommandLine.ParameterException}, which {@link Main} prints as one line with exit status 2.
 *
 * <pre>
 *   Inputs.readable(spec, "--rubric", rubricFile);
 *   Inputs.writable(spec, "--out", out, force);    // refuses an existing file without --force
 * </pre>
 */
final class Inputs {
    private Inputs() {}

    /**
     * @param spec   the command (for the error)
     * @param option the option that named the file, e.g. {@code --rubric}
     * @param file   the file to read
     * @throws CommandLine.ParameterException if it does not exist or is a folder
     */
    static void readable(CommandSpec spec, String option, Path file) {
        if (!Files.exists(file)) {
            throw misuse(spec, option + " " + file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw misuse(spec, option + " " + file + ": is a folder, not a file");
        }
    }

    /**
     * @param spec   the command (for the error)
     * @param option the option that named the file, e.g. {@code --out}
     * @param file   the file to write
     * @param force  whether an existing file may be replaced
     * @throws CommandLine.ParameterException if it is a folder, or exists and {@code force} is false
     */
    static void writable(CommandSpec spec, String option, Path file, boolean force) {
        if (Files.isDirectory(file)) {
            throw misuse(spec, option + " " + file + ": is a folder; name the file to write");
        }
        if (Files.exists(file) && !force) {
            throw misuse(spec, option + " " + file + ": exists; add --force to replace it");
        }
    }

    /**
     * @param spec   the command (for the error)
     * @param option the option that named the folder
     * @param dir    a folder to write into (created if missing)
     * @throws CommandLine.ParameterException if it names something that is not a folder
     */
    static void folder(CommandSpec spec, String option, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw misuse(spec, option + " " + dir + ": is a file, not a folder");
        }
    }

    /** @return the exception to throw for a user's mistake with this command */
    static CommandLine.ParameterException misuse(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
