package dev.mcpworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SnapshotCommandTest {

    @TempDir
    Path dir;

    private static Path bin() {
        return Path.of(System.getProperty("workbench.root", "."), ".tools", "node", "node_modules", ".bin");
    }

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Run(WorkbenchCli.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    @Test
    void writesTheSnapshotOfServerEverything() throws Exception {
        Path out = dir.resolve("everything.json");
        Run run = run("snapshot", "--stdio", "'" + bin().resolve("mcp-server-everything") + "' stdio",
                "--env", "PATH=" + bin() + java.io.File.pathSeparator + System.getenv("PATH"), "-o", out.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        ServerSnapshot snapshot = SnapshotJson.read(out);
        assertThat(snapshot.tool("echo")).isPresent();
        assertThat(snapshot.prompts()).isNotEmpty();
        assertThat(snapshot.resourceTemplates()).isNotEmpty();
    }

    @Test
    void aPasswordInTheCommandLineStaysOutOfTheSnapshot() throws Exception {
        Path out = dir.resolve("with-url.json");
        Run run = run("snapshot", "--stdio", "'" + bin().resolve("mcp-server-everything") + "' stdio postgresql://app:s3cr3t@db/x",
                "--env", "PATH=" + bin() + java.io.File.pathSeparator + System.getenv("PATH"), "-o", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(SnapshotJson.read(out).source()).endsWith("stdio postgresql://app:\u2022\u2022\u2022\u2022\u2022\u2022@db/x");
        assertThat(java.nio.file.Files.readString(out)).doesNotContain("s3cr3t");
    }

    @Test
    void failureIsOneLineAndExitCodeTwo() {
        Run run = run("snapshot", "--stdio", "no-such-server-abc");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("mcp-workbench: Command not found: no-such-server-abc");
    }

    @Test
    void badHeaderIsAUsageError() {
        Run run = run("snapshot", "--url", "http://127.0.0.1:9/mcp", "--header", "no-colon");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("NAME:VALUE").doesNotContain("\tat ");
    }

    @Test
    void authorizesWithAProtectedServerWhenAsked(@TempDir Path dir) throws Exception {
        try (dev.mcpworkbench.lab.RunningLab lab = dev.mcpworkbench.lab.Lab.start(
                dev.mcpworkbench.lab.LabSpec.secure().withAuth().withAutoApprove())) {
            Path file = dir.resolve("snapshot.json");
            Run run = run("snapshot", "--url", lab.mcpUrl().toString(), "--auth", "headless", "--serve-client-metadata", "-o", file.toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(SnapshotJson.read(file).tools()).isNotEmpty();
        }
    }
}
