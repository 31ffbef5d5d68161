package dev.mcpworkbench.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The only way the CLI's commands print (a test keeps it so): standard output with unsafe
 * characters shown, standard error also with secrets masked. Whatever a server sent can be
 * printed through these without further care.
 */
final class Terminal {

    private Terminal() {
    }

    static PrintWriter out(CommandSpec spec) {
        return out(spec.commandLine());
    }

    static PrintWriter err(CommandSpec spec) {
        return err(spec.commandLine());
    }

    static PrintWriter out(CommandLine cli) {
        return new PrintWriter(new TerminalWriter(cli.getOut(), false), true);
    }

    static PrintWriter err(CommandLine cli) {
        return new PrintWriter(new TerminalWriter(cli.getErr(), true), true);
    }
}
