package cnnkit.walkthrough;

import cnnkit.walkthrough.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the kit's command line in the test JVM and keeps what it printed. */
record Cli(int exitCode, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = Main.configure(cli).execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
