package cnnkit.walkthrough.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar cnn-walkthrough.jar <command>}: the learners' command line, the one jar a student may be given.
 * It holds no answers: no hidden test, no oracle, no solution (see the walkthrough module's StudentJarTest). Each
 * command is a class of its own in this package, registered here; the instructors' commands are in
 * {@code cnn-grader.jar}.
 */
@Command(
        name = "cnnkit",
        mixinStandardHelpOptions = true,
        version = "cnnkit 1.0",
        description = "The CNN exercise kit for learners: walk through the lecture on your code, apply image filters, "
                + "run your own numbers through your steps, train the lecture's network on digits.",
        subcommands = {
            WalkthroughCommand.class,
            FiltersCommand.class,
            PlaygroundCommand.class,
            TrainCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status (for tests: never exits the JVM). */
    public static int run(String... args) {
        return configure(new CommandLine(new Main())).execute(args);
    }

    /**
     * A mistyped command line (an unknown option, a number that is none) is one line on stderr and exit 2, as the
     * commands' own checks of their options are.
     *
     * @param cli the command line to configure
     * @return it
     */
    public static CommandLine configure(CommandLine cli) {
        return cli.setParameterExceptionHandler((e, given) -> {
            CommandLine cmd = e.getCommandLine();
            String name = cmd.getCommandSpec().qualifiedName();
            String oneLine = String.valueOf(e.getMessage())
                    .replaceAll("\\s*\\R\\s*", " ")
                    .strip();
            cmd.getErr().println(name + ": " + oneLine + " (see " + name + " --help)");
            return 2;
        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
