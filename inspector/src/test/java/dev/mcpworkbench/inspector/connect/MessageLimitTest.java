package dev.mcpworkbench.inspector.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Servers that send a message without end (a stdio line, an HTTP body, an SSE event) are cut off
 * at the limit with an error naming it, instead of growing the client's memory until it dies.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MessageLimitTest {

    private static final long LIMIT = 1 << 20;
    private static final ConnectOptions LIMITED = ConnectOptions.defaults()
            .withConnectTimeout(Duration.ofSeconds(20)).withRequestTimeout(Duration.ofSeconds(20)).withMaxMessageBytes(LIMIT);

    private static void assertNamesTheLimit(McpConnectionException e) {
        assertThat(e.getMessage()).contains("larger than 1 MiB").contains("maxMessageBytes").doesNotContain("\n");
        assertThat(e.kind()).isEqualTo(McpConnectionException.Kind.PROTOCOL);
    }

    @Test
    void defaultLimitIs256MiB() {
        assertThat(ConnectOptions.defaults().maxMessageBytes()).isEqualTo(256L << 20);
    }

    @Test
    void stdioLineWithoutEnd() {
        // reads initialize, then writes 'y' forever with no newline
        ServerTarget.Stdio endless = new ServerTarget.Stdio("sh", List.of("-c", "read line; yes | tr -d '\\n'"), Map.of(), null);
        McpConnectionException e = assertThrows(McpConnectionException.class, () -> McpConnection.open(endless, LIMITED));
        assertNamesTheLimit(e);
    }

    @Test
    void httpJsonBodyWithoutEnd() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer((exchange, body) ->
                endless(exchange, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":" + body.get("id") + ",\"result\":{\"x\":\"", 'a'))) {
            McpConnectionException e = assertThrows(McpConnectionException.class,
                    () -> McpConnection.open(new ServerTarget.StreamableHttp(server.url(), Map.of()), LIMITED));
            assertNamesTheLimit(e);
        }
    }

    @Test
    void sseEventLineWithoutEnd() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer((exchange, body) ->
                endless(exchange, "text/event-stream", "event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":" + body.get("id") + ",\"result\":\"", 'a'))) {
            McpConnectionException e = assertThrows(McpConnectionException.class,
                    () -> McpConnection.open(new ServerTarget.StreamableHttp(server.url(), Map.of()), LIMITED));
            assertNamesTheLimit(e);
        }
    }

    @Test
    void sseEventOfEndlesslyManyDataLines() throws IOException {
        byte[] line = "data: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n".getBytes(StandardCharsets.UTF_8);
        InputStream neverBlank = new InputStream() {
            private long n;

            @Override
            public int read() {
                return line[(int) (n++ % line.length)];
            }
        };
        SseEventReader reader = new SseEventReader(neverBlank, LIMIT);
        MessageTooLargeException e = assertThrows(MessageTooLargeException.class, reader::next);
        assertThat(e.getMessage()).contains("an event larger than 1 MiB");
    }

    @Test
    void messagesWithinTheLimitStillArrive() throws IOException {
        String event = "data: " + "b".repeat(1000) + "\ndata: more\r\n\r\n";
        SseEventReader reader = new SseEventReader(new java.io.ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), 2000);
        assertThat(reader.next().data()).isEqualTo("b".repeat(1000) + "\nmore");
        assertThat(reader.next()).isNull();
    }

    /** Writes {@code start}, then {@code filler} until the client hangs up (or 64 MiB, so the test cannot run away). */
    private static void endless(HttpExchange exchange, String contentType, String start, char filler) {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) filler);
        try {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(start.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 1024; i++) out.write(chunk);
        } catch (IOException hungUp) {
            // the client stopped reading: what the test wants
        }
    }
}
