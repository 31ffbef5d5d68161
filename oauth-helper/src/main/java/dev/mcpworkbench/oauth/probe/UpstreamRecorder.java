package dev.mcpworkbench.oauth.probe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the MCP server's upstream API on 127.0.0.1 that records the Authorization header
 * of every request and answers an empty JSON object. The user points the server under test at it
 * (its upstream base URL) before connecting; the token passthrough probe then looks for the MCP
 * access token among what arrived.
 */
public final class UpstreamRecorder implements AutoCloseable {

    private final HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private UpstreamRecorder(HttpServer server) {
        this.server = server;
    }

    /** Listens on 127.0.0.1:{@code port} (0: a free port). */
    public static UpstreamRecorder start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        UpstreamRecorder recorder = new UpstreamRecorder(server);
        server.createContext("/", exchange -> {
            recorder.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            recorder.authorizations.add(auth == null ? "" : auth);
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return recorder;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests arrived. */
    public int requestCount() {
        return requests.size();
    }

    /** True when any request arrived carrying {@code token} in its Authorization header. */
    public boolean sawToken(String token) {
        return authorizations.stream().anyMatch(a -> a.contains(token));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
