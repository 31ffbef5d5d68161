package dev.mcpworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code mcp-workbench connect} against the lab's real Streamable HTTP server, and with bad input. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectCommandTest {

    @Test
    void connectsListsToolsAndCallsOneOnAnOpenLabServer() {
        try (RunningLab lab = Lab.start(LabSpec.secure())) {
            CliRun listed = CliRun.of("connect", "--json", lab.mcpUrl().toString());
            assertThat(listed.exit()).as(listed.err()).isZero();
            assertThat(listed.out()).contains("\"tools\"").contains("\"name\"");
            CliRun summary = CliRun.of("connect", lab.mcpUrl().toString());
            assertThat(summary.exit()).as(summary.err()).isZero();
            assertThat(summary.out()).contains("Connected to").contains("No authorization needed").contains("Tools (");
        }
    }

    @Test
    void authorizesWithAClientMetadataDocumentItServesItself() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove())) {
            CliRun r = CliRun.of("connect", "--auth", "headless", "--serve-client-metadata", lab.mcpUrl().toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out() + r.err()).contains("http://127.0.0.1:").contains("/mcp-workbench/client-metadata.json");
        }
    }

    @Test
    void aCallToAnUnknownToolFailsWithExitTwoAndOneLine() {
        try (RunningLab lab = Lab.start(LabSpec.secure())) {
            CliRun r = CliRun.of("connect", "--call", "no_such_tool_here", lab.mcpUrl().toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).isGreaterThanOrEqualTo(1);
            assertThat(r.err()).startsWith("mcp-workbench connect: ").doesNotContain("\tat ");
        }
    }

    @Test
    void anUnknownGrantIsRefusedBeforeConnecting() {
        CliRun r = CliRun.of("connect", "--grant", "password", "http://127.0.0.1:1/mcp");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--grant takes authorization-code, client-credentials, jwt-bearer, id-jag").doesNotContain("\tat ");
    }

    @Test
    void aUrlWithAFragmentIsRefusedWithAReason() {
        CliRun r = CliRun.of("connect", "http://127.0.0.1:1/mcp#part");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("fragment").doesNotContain("\tat ");
    }

    @Test
    void badArgumentsJsonIsRefusedBeforeConnecting() {
        CliRun r = CliRun.of("connect", "--args", "{not json", "http://127.0.0.1:1/mcp");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("mcp-workbench connect: ");
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithExitTwo() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            CliRun r = CliRun.of("connect", "--timeout", "1", "http://127.0.0.1:" + silent.getLocalPort() + "/mcp");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("did not answer");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
        }
    }
}
