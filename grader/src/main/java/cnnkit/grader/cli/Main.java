package cnnkit.grader.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar cnn-grader.jar <command>}: the instructors' command line. Each command is a class of its own in
 * this package, registered here. The learners' commands ({@code walkthrough}, {@code filters}) are in the walkthrough
 * module's jar, {@code cnn-walkthrough.jar} (package {@code cnnkit.walkthrough.cli}); {@code ./cnnkit} runs either.
 */
@Command(
        name = "cnnkit",
        mixinStandardHelpOptions = true,
        version = "cnnkit 1.0",
        description = "The CNN exercise kit for instructors: grade a class, build the handout, run a course.",
        subcommands = {
            GradeCommand.class,
            MergeCommand.class,
            HandoutCommand.class,
            GradescopeCommand.class,
            ExportCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs a command line and returns its exit status (for tests: never exits the JVM). A user's mistake (an unknown
     * or missing option, a file that does not exist, a malformed CSV: a picocli {@code ParameterException} or an
     * {@code IllegalArgumentException} from the kit) is one line on stderr and exit status 2, never a stack trace.
     */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        GradeCommand.listLimits(cli.getSubcommands().get("grade"));
        return cli.setParameterExceptionHandler((e, given) -> misuse(e.getCommandLine(), e.getMessage()))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof IllegalArgumentException) {
                        return misuse(cmd, e.getMessage());
                    }
                    throw e;
                })
                .execute(args);
    }

    /** Prints {@code "<command>: <message> (<command> --help)"} as one line and returns 2. */
    private static int misuse(CommandLine cmd, String message) {
        String name = cmd.getCommandSpec().qualifiedName();
        String oneLine = String.valueOf(message).replaceAll("\\s*\\R\\s*", " ").strip();
        System.err.println(name + ": " + oneLine + " (see " + name + " --help)");
        return 2;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
