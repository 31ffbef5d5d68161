package dev.mcpworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LabCommandTest {

    @Test
    void listNamesServersAndMisbehavioursWithTheirRuleIds() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = WorkbenchCli.run("lab", "list");
        } finally {
            System.setOut(original);
        }
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("flawed", "secure", "pkce-optional", "OAUTH-016", "alg-none");
    }

    @Test
    void unknownMisbehaviourIsAUsageError() {
        assertThat(WorkbenchCli.run("lab", "serve", "secure", "--http", "--auth", "--as-option", "no-such-thing")).isEqualTo(2);
    }

    @Test
    void stdioAndHttpAreExclusive() {
        assertThat(WorkbenchCli.run("lab", "serve", "secure", "--http", "--stdio")).isEqualTo(2);
    }
}
