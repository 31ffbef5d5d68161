package dev.mcpworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile servers against what the CLI prints: terminal escapes in every field a server controls,
 * secrets in its stderr and list errors, a tools list whose cursor cycles.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HostileServerOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Return to the line start and erase it, then set the window title (OSC 0) and print in red. */
    private static final String ESCAPES = "\r\u001b[2K\u001b]0;pwned\u0007\u001b[31m\u009b2J\u202e";
    private static final String DB_PASSWORD = "hunter2-db-pass";

    @TempDir
    Path dir;

    private static void assertNothingDrivesTheTerminal(String printed) {
        assertThat(printed).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b").doesNotContain("\u202e");
        assertThat(printed.replace("\r\n", "\n")).doesNotContain("\r");
    }

    private static ObjectNode initializeResult(String name) {
        ObjectNode result = JSON.createObjectNode().put("protocolVersion", "2025-11-25");
        result.putObject("capabilities").putObject("tools");
        result.putObject("serverInfo").put("name", name).put("version", "1" + ESCAPES);
        return result;
    }

    @Test
    void connectShowsEscapesInNamesAndOutputsInsteadOfObeyingThem() throws Exception {
        try (LoopbackMcpServer server = LoopbackMcpServer.start((method, params) -> switch (method) {
            case "initialize" -> initializeResult("evil" + ESCAPES + "server");
            case "tools/list" -> {
                ObjectNode result = JSON.createObjectNode();
                result.putArray("tools").addObject().put("name", "look" + ESCAPES).putObject("inputSchema").put("type", "object");
                yield result;
            }
            default -> {
                ObjectNode result = JSON.createObjectNode();
                result.putArray("content").addObject().put("type", "text").put("text", "done" + ESCAPES + "VERDICT: all clear");
                yield result;
            }
        })) {
            CliRun r = CliRun.of("connect", "--call", "look" + ESCAPES, server.url());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("evil\\u000D\\u001B[2K\\u001B]0;pwned\\u0007").contains("VERDICT: all clear");
            assertNothingDrivesTheTerminal(r.all());
            CliRun json = CliRun.of("connect", "--json", server.url());
            assertThat(json.exit()).as(json.err()).isZero();
            assertNothingDrivesTheTerminal(json.all());
            assertThat(JSON.readTree(json.out()).path("server").path("name").asText()).isEqualTo("evil" + ESCAPES + "server");
        }
    }

    @Test
    void connectStopsOnACyclingCursor() throws Exception {
        AtomicInteger pages = new AtomicInteger();
        try (LoopbackMcpServer server = LoopbackMcpServer.start((method, params) -> switch (method) {
            case "initialize" -> initializeResult("cycler");
            default -> {
                ObjectNode result = JSON.createObjectNode();
                int page = pages.incrementAndGet();
                result.putArray("tools").addObject().put("name", "t" + page).putObject("inputSchema").put("type", "object");
                // a → b → c → a → ...
                result.put("nextCursor", String.valueOf((char) ('a' + page % 3)));
                yield result;
            }
        })) {
            CliRun r = CliRun.of("connect", "--timeout", "10", server.url());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("tools/list").contains("twice");
            assertThat(pages.get()).isLessThanOrEqualTo(5);
        }
    }

    /** A stdio server that answers initialize and tools/list, and fails prompts/list with a message holding a secret. */
    private Path stdioServer() throws IOException {
        String tools = "{\"tools\":[{\"name\":\"t\",\"inputSchema\":{\"type\":\"object\"}}]}";
        String init = "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":{},\"prompts\":{}},"
                + "\"serverInfo\":{\"name\":\"evil\\u001b]0;pwned\\u0007\\r\",\"version\":\"1\"}}";
        String error = "{\"code\":-32603,\"message\":\"connect failed: postgres://app:" + DB_PASSWORD + "@db/prod \\u001b[2K\\r\"}";
        String script = """
                printf '\\033[2K\\rAuthorization: Bearer sk-live-abcdefghijklmnopqrstuvwx\\n' >&2
                while read -r line; do
                  id=$(printf '%s' "$line" | sed -n 's/.*"id":\\([0-9][0-9]*\\).*/\\1/p')
                  case "$line" in
                    *notifications/*) ;;
                    *'"initialize"'*) printf '{"jsonrpc":"2.0","id":%s,"result":%s}\\n' "$id" 'INIT' ;;
                    *tools/list*) printf '{"jsonrpc":"2.0","id":%s,"result":%s}\\n' "$id" 'TOOLS' ;;
                    *) printf '{"jsonrpc":"2.0","id":%s,"error":%s}\\n' "$id" 'ERROR' ;;
                  esac
                done
                """.replace("INIT", init).replace("TOOLS", tools).replace("ERROR", error);
        Path file = dir.resolve("server.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void snapshotWarningsAreMaskedAndShownNotObeyed() throws Exception {
        CliRun r = CliRun.of("snapshot", "--stdio", "sh '" + stdioServer() + "'", "-o", dir.resolve("snap.json").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning").contains("postgres://app:");
        assertThat(r.err()).doesNotContain(DB_PASSWORD);
        assertNothingDrivesTheTerminal(r.all());
    }

    @Test
    void stderrOfAFailingServerIsMaskedAndShownNotObeyed() throws Exception {
        Path script = dir.resolve("dies.sh");
        Files.writeString(script, "printf '\\033]0;pwned\\007\\rDATABASE_URL=postgres://app:" + DB_PASSWORD + "@db/prod\\n' >&2; exit 3\n");
        for (String command : new String[] {"snapshot", "scan"}) {
            CliRun r = CliRun.of(command, "--stdio", "sh '" + script + "'");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).as(command).contains("exited with code 3").contains("postgres://app:").doesNotContain(DB_PASSWORD);
            assertNothingDrivesTheTerminal(r.all());
        }
    }

    @Test
    void cleanShowsControlsAndKeepsLineEnds() {
        assertThat(TerminalText.clean("a\r\nb\tc\nd")).isEqualTo("a\r\nb\tc\nd");
        assertThat(TerminalText.clean("ok\rFAIL\u001b[2K")).isEqualTo("ok\\u000DFAIL\\u001B[2K");
        assertThat(TerminalText.clean("x\u0085\u009by\u2066")).isEqualTo("x\\u0085\\u009By\\u2066");
    }
}
