package dev.mcpworkbench.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: {@code mcp-workbench <subcommand>}. */
@Command(name = "mcp-workbench",
        mixinStandardHelpOptions = true,
        versionProvider = WorkbenchCli.Version.class,
        description = "Inspect MCP servers and flag the design flaws that become security flaws.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ConnectCommand.class,
                ScanCommand.class,
                LabCommand.class,
                SnapshotCommand.class,
        })
public final class WorkbenchCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the CLI and returns its exit code: 0 success, 1 findings at --fail-on, 2 usage or connection error. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with the CLI's error handling, before its output is chosen (tests set their own writers). */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new WorkbenchCli());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = Terminal.err(cmd);
            err.println("mcp-workbench: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            err.flush();
            return 2;
        });
        cli.setExitCodeExceptionMapper(ex -> 2);
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = WorkbenchCli.class.getPackage().getImplementationVersion();
            return new String[] {"mcp-workbench " + (v == null ? "dev" : v)};
        }
    }
}
