package dev.mcpworkbench.inspector.connect;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import dev.mcpworkbench.inspector.connect.McpConnectionException.Kind;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every way a server can fail ends in a typed, one-line error, never a hang. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadServerTest {

    private static final ConnectOptions QUICK = ConnectOptions.defaults()
            .withConnectTimeout(Duration.ofSeconds(3)).withRequestTimeout(Duration.ofSeconds(3));

    private static McpConnectionException failToOpen(ServerTarget target) {
        McpConnectionException e = assertThrows(McpConnectionException.class, () -> McpConnection.open(target, QUICK));
        assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
        return e;
    }

    private static ServerTarget.Stdio sh(String script) {
        return new ServerTarget.Stdio("sh", List.of("-c", script), Map.of(), null);
    }

    @Test
    void commandNotFound() {
        McpConnectionException e = failToOpen(ServerTarget.Stdio.parse("no-such-mcp-server-xyz --flag"));
        assertThat(e.kind()).isEqualTo(Kind.COMMAND_NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("Command not found: no-such-mcp-server-xyz");
    }

    @Test
    void serverThatExitsAtOnce() {
        McpConnectionException e = failToOpen(sh("echo 'missing API key' >&2; exit 3"));
        assertThat(e.kind()).isEqualTo(Kind.PROCESS_EXITED);
        assertThat(e.getMessage()).contains("exited with code 3");
    }

    @Test
    void serverPrintingGarbageThenExiting() {
        McpConnectionException e = failToOpen(sh("echo 'Welcome to my server!'; exit 0"));
        assertThat(e.kind()).isEqualTo(Kind.PROCESS_EXITED);
        assertThat(e.getMessage()).contains("non-JSON-RPC output").contains("Welcome to my server!");
    }

    @Test
    void serverPrintingGarbageAndStayingTimesOutNamingTheGarbage() {
        McpConnectionException e = failToOpen(sh("echo 'Listening on port 8080'; exec sleep 30"));
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("initialize").contains("Listening on port 8080");
    }

    @Test
    void serverThatHangsTimesOut() {
        long start = System.nanoTime();
        McpConnectionException e = failToOpen(sh("exec sleep 30"));
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).startsWith("No answer to initialize within");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void urlServingHtmlIsNotMcp() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            byte[] page = "<!doctype html><html><body><h1>Welcome</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        http.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
            McpConnectionException e = failToOpen(new ServerTarget.StreamableHttp(url, Map.of()));
            assertThat(e.kind()).isEqualTo(Kind.NOT_MCP);
            assertThat(e.getMessage()).contains("text/html").contains("Welcome");
            McpConnectionException sse = failToOpen(new ServerTarget.Sse(url, Map.of()));
            assertThat(sse.kind()).isEqualTo(Kind.NOT_MCP);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void httpServerThatNeverAnswersTimesOut() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        http.createContext("/", exchange -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        http.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/mcp");
            McpConnectionException e = failToOpen(new ServerTarget.StreamableHttp(url, Map.of()));
            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void refusedConnectionIsUnreachable() throws Exception {
        int port = EverythingServer.freePort();
        McpConnectionException e = failToOpen(new ServerTarget.StreamableHttp(URI.create("http://127.0.0.1:" + port + "/mcp"), Map.of()));
        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.getMessage()).contains("connection refused");
    }

    @Test
    void serverKilledMidCallFailsTheCallAtOnce() throws Exception {
        try (McpConnection connection = McpConnection.open(EverythingServer.stdio(), ConnectOptions.defaults())) {
            PendingRequest call = connection.callTool("trigger-long-running-operation",
                    JsonNodeFactory.instance.objectNode().put("duration", 30).put("steps", 3), RequestOptions.DEFAULT);
            Thread.sleep(300);
            ProcessHandle process = connection.serverProcess().orElseThrow();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            long start = System.nanoTime();
            McpConnectionException e = assertThrows(McpConnectionException.class, call::await);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(e.kind()).isEqualTo(Kind.PROCESS_EXITED);
            assertThat(e.getMessage()).contains("exited").contains("tools/call");
            assertThat(connection.isOpen()).isFalse();
            assertThat(connection.closedReason()).isNotNull();
        }
    }

    @Test
    void disconnectKillsTheWholeProcessTree() throws Exception {
        // sh starts the server as a child (no exec), so the tree has two levels.
        ServerTarget.Stdio everything = EverythingServer.stdio();
        ServerTarget.Stdio wrapped = new ServerTarget.Stdio("sh", List.of("-c", "'" + everything.command() + "' stdio; echo done"),
                everything.env(), null);
        List<ProcessHandle> tree;
        try (McpConnection connection = McpConnection.open(wrapped, ConnectOptions.defaults())) {
            connection.ping();
            ProcessHandle root = connection.serverProcess().orElseThrow();
            tree = new java.util.ArrayList<>(root.descendants().toList());
            tree.add(root);
            assertThat(tree).hasSizeGreaterThanOrEqualTo(2);
        }
        for (ProcessHandle handle : tree) {
            handle.onExit().get(5, TimeUnit.SECONDS);
            assertThat(handle.isAlive()).as("pid %d", handle.pid()).isFalse();
        }
    }

    /** A server that announces prompts but fails prompts/list still gives a snapshot of its tools, saying what is missing. */
    @Test
    void failingPromptListKeepsTheToolsAndSaysWhatIsMissing() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        http.createContext("/mcp", exchange -> {
            var request = json.readTree(exchange.getRequestBody());
            if (!request.has("id")) {
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
                return;
            }
            var reply = json.createObjectNode().put("jsonrpc", "2.0").set("id", request.get("id"));
            var response = (com.fasterxml.jackson.databind.node.ObjectNode) reply;
            switch (request.path("method").asText()) {
                case "initialize" -> response.putObject("result").put("protocolVersion", "2025-11-25")
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("capabilities", json.readTree("{\"tools\":{},\"prompts\":{}}"))
                        .putObject("serverInfo").put("name", "half-broken").put("version", "1");
                case "tools/list" -> response.set("result", json.readTree("{\"tools\":[{\"name\":\"ping\",\"inputSchema\":{\"type\":\"object\"}}]}"));
                default -> response.putObject("error").put("code", -32603).put("message", "connect ECONNREFUSED 127.0.0.1:5432");
            }
            byte[] body = json.writeValueAsBytes(response);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        try (McpConnection c = McpConnection.open(new ServerTarget.StreamableHttp(
                URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/mcp"), Map.of()), QUICK)) {
            var snapshot = c.snapshot();
            assertThat(snapshot.tools()).hasSize(1);
            assertThat(snapshot.prompts()).isEmpty();
            assertThat(snapshot.listErrors()).singleElement().asString().contains("prompts/list failed", "ECONNREFUSED");
            var copy = dev.mcpworkbench.inspector.snapshot.SnapshotJson.read(
                    new java.io.ByteArrayInputStream(dev.mcpworkbench.inspector.snapshot.SnapshotJson.toJsonString(snapshot)
                            .getBytes(StandardCharsets.UTF_8)), "copy");
            assertThat(copy.listErrors()).isEqualTo(snapshot.listErrors());
            assertThat(StaticRules.scan(copy, null).errors()).containsAll(snapshot.listErrors());
        } finally {
            http.stop(0);
        }
    }
}
