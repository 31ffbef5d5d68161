package dev.mcpworkbench.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in-process, configured as the launcher runs it: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = WorkbenchCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** Standard output and standard error together. */
    String all() {
        return out + err;
    }
}
