package dev.mcpworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command tree must build (picocli rejects duplicate or malformed subcommands only at run time). */
class WorkbenchCliTest {

    @ParameterizedTest
    @ValueSource(strings = {"snapshot", "scan", "connect", "lab"})
    void everySubcommandPrintsItsHelp(String subcommand) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = WorkbenchCli.run(subcommand, "--help");
        } finally {
            System.setOut(original);
        }
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: mcp-workbench " + subcommand);
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        PrintStream original = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertThat(WorkbenchCli.run("no-such-command")).isEqualTo(2);
        } finally {
            System.setErr(original);
        }
    }
}
