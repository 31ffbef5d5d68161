package dev.mcpworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits of {@link LimitOptions} on {@code connect}, {@code scan} and {@code snapshot}, against
 * a real loopback server: past a limit the command stops with one line naming the option.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LimitOptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private LoopbackMcpServer server;
    private final AtomicInteger listPages = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    /** A Streamable HTTP server on loopback: initialize, then {@code tools/list} pages made by {@code page(n)}. */
    private String serve(Function<Integer, ObjectNode> page) throws IOException {
        server = LoopbackMcpServer.start((method, params) -> switch (method) {
            case "initialize" -> {
                ObjectNode result = JSON.createObjectNode().put("protocolVersion", "2025-11-25");
                result.putObject("capabilities").putObject("tools");
                result.putObject("serverInfo").put("name", "limits").put("version", "1");
                yield result;
            }
            case "tools/list" -> page.apply(listPages.incrementAndGet());
            default -> JSON.createObjectNode();
        });
        return server.url();
    }

    /** One page of {@code count} tools, each with a 100-character description. */
    private static ObjectNode tools(int page, int count) {
        ObjectNode result = JSON.createObjectNode();
        ArrayNode tools = result.putArray("tools");
        for (int i = 0; i < count; i++) {
            tools.addObject().put("name", "t" + page + "_" + i).put("description", "d".repeat(100)).putObject("inputSchema").put("type", "object");
        }
        return result;
    }

    @Test
    void aMessagePastMaxMessageSizeStopsScanWithOneLineNamingTheOption() throws Exception {
        String url = serve(page -> tools(page, 100)); // about 15 KB
        CliRun r = CliRun.of("scan", "--url", url, "--timeout", "10", "--max-message-size", "4KiB");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err().strip()).contains("larger than 4 KiB").contains("--max-message-size").doesNotContain("\n");

        CliRun allowed = CliRun.of("snapshot", "--url", url, "--timeout", "10", "--max-message-size", "1M", "-o", dir.resolve("s.json").toString());
        assertThat(allowed.exit()).as(allowed.err()).isZero();
    }

    @Test
    void aListPastMaxListPagesStopsSnapshotAndConnect() throws Exception {
        // every page names a new cursor: only the page limit ends it
        String url = serve(page -> tools(page, 1).put("nextCursor", "c" + page));
        CliRun r = CliRun.of("snapshot", "--url", url, "--timeout", "10", "--max-list-pages", "3", "-o", dir.resolve("s.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).contains("more than 3 pages").contains("--max-list-pages").doesNotContain("\n");
        assertThat(listPages.get()).isEqualTo(3);

        listPages.set(0);
        CliRun connect = CliRun.of("connect", "--timeout", "10", "--max-list-pages", "5", url);
        assertThat(connect.exit()).isEqualTo(2);
        assertThat(connect.err()).contains("more than 5 pages");
        assertThat(listPages.get()).isEqualTo(5);
    }

    @Test
    void badValuesAreRefusedBeforeConnecting() {
        CliRun size = CliRun.of("connect", "--max-message-size", "lots", "http://127.0.0.1:9/mcp");
        assertThat(size.exit()).isEqualTo(2);
        assertThat(size.err()).contains("--max-message-size takes bytes or a size such as 64KiB");
        CliRun pages = CliRun.of("scan", "--url", "http://127.0.0.1:9/mcp", "--max-list-pages", "0");
        assertThat(pages.exit()).isEqualTo(2);
        assertThat(pages.err()).contains("--max-list-pages takes a count of 1 or more");
    }

    @Test
    void sizesAreBinary() {
        assertThat(LimitOptions.bytes("--max-message-size", "1048576")).isEqualTo(1L << 20);
        assertThat(LimitOptions.bytes("--max-message-size", "64KiB")).isEqualTo(64L << 10);
        assertThat(LimitOptions.bytes("--max-message-size", "10M")).isEqualTo(10L << 20);
        assertThat(LimitOptions.bytes("--max-message-size", "1 GiB")).isEqualTo(1L << 30);
    }

    @Test
    void aSnapshotPastMaxSnapshotSizeIsRefusedWithOneLineNamingTheOption() {
        Path file = ScanCommandTest.corpus("everything.json");
        CliRun r = CliRun.of("scan", "--snapshot", file.toString(), "--max-snapshot-size", "1KiB");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).contains("snapshots over 1024 bytes are not read").contains("--max-snapshot-size").doesNotContain("\n");
        CliRun folder = CliRun.of("scan", "--snapshot", file.getParent().toString(), "--max-snapshot-size", "1KiB", "--format", "json");
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.out() + folder.err()).contains("--max-snapshot-size");
        assertThat(CliRun.of("scan", "--snapshot", file.toString(), "--max-snapshot-size", "10MiB", "--fail-on", "critical").exit()).isZero();
    }
}
