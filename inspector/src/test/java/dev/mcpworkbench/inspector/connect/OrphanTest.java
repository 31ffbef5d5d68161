package dev.mcpworkbench.inspector.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stdio server that leaves a daemon behind by forking twice (so init adopts it, out of the
 * process tree), with and without its own session: closing the connection must end it too.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OrphanTest {

    @TempDir
    Path dir;

    /** Answers initialize, then waits for its stdin to close; {@code daemon} runs first, in the background. */
    private static ServerTarget.Stdio server(String daemon) {
        String script = daemon + "\n"
                + "read line\n"
                + "id=$(printf '%s' \"$line\" | sed -n 's/.*\"id\":\\([0-9][0-9]*\\).*/\\1/p')\n"
                + "printf '{\"jsonrpc\":\"2.0\",\"id\":%s,\"result\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"serverInfo\":{\"name\":\"forker\",\"version\":\"1\"}}}\\n' \"$id\"\n"
                + "cat >/dev/null\n";
        return new ServerTarget.Stdio("sh", List.of("-c", script), Map.of(), null);
    }

    private long daemonPid(Path pidFile) throws Exception {
        for (int i = 0; i < 200 && (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()); i++) Thread.sleep(50);
        return Long.parseLong(Files.readString(pidFile).strip());
    }

    private void assertEndedWithTheConnection(String daemon, Path pidFile) throws Exception {
        ProcessHandle orphan;
        try (McpConnection connection = McpConnection.open(server(daemon), ConnectOptions.defaults().withConnectTimeout(Duration.ofSeconds(20)))) {
            long pid = daemonPid(pidFile);
            orphan = ProcessHandle.of(pid).orElseThrow();
            ProcessHandle server = connection.serverProcess().orElseThrow();
            assertThat(server.descendants().map(ProcessHandle::pid)).as("the daemon escaped the process tree").doesNotContain(pid);
        }
        try {
            orphan.onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException stillAlive) {
            orphan.destroyForcibly(); // do not leave it behind ourselves
        }
        assertThat(orphan.isAlive()).as("daemon pid %d outlived the connection", orphan.pid()).isFalse();
    }

    @Test
    void doubleForkedDaemonEndsWithTheConnection() throws Exception {
        Path pidFile = dir.resolve("daemon.pid");
        assertEndedWithTheConnection("( sleep 300 </dev/null >/dev/null 2>&1 & echo $! > '" + pidFile + "' ) &", pidFile);
    }

    @Test
    void daemonInItsOwnSessionEndsWithTheConnection() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")) && Files.isDirectory(Path.of("/proc/self")), "setsid and /proc");
        Path pidFile = dir.resolve("daemon.pid");
        assertEndedWithTheConnection("( /usr/bin/setsid sleep 300 </dev/null >/dev/null 2>&1 & echo $! > '" + pidFile + "' ) &", pidFile);
    }
}
