package dev.mcpworkbench.oauth.flow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loopback redirect target (RFC 8252 section 7.3): listens on 127.0.0.1 only, takes exactly one
 * callback, then closes. Port 0 picks a random free port.
 */
public final class CallbackListener implements AutoCloseable {

    private static final String PAGE = "<!doctype html><meta charset=utf-8><title>MCP Workbench</title>"
            + "<p>Authorization received. You can close this tab and return to MCP Workbench.</p>";

    private final HttpServer server;
    /** For {@code localhost}: the same port on ::1, since a browser may resolve localhost to either; null if unavailable. */
    private HttpServer ipv6;
    private final String host;
    private final String path;
    private final CompletableFuture<URI> callback = new CompletableFuture<>();

    private CallbackListener(HttpServer server, String host, String path) {
        this.server = server;
        this.host = host;
        this.path = path;
    }

    public static CallbackListener open(int port) throws IOException {
        return open(FlowOptions.DEFAULT_CALLBACK_HOST, port, FlowOptions.DEFAULT_CALLBACK_PATH);
    }

    /**
     * Listens for {@code http://host:port/path}: {@code host} is 127.0.0.1 or localhost (the name the
     * redirect URI carries, which a pre-registered client's registration may fix); either way only
     * loopback addresses are bound.
     */
    public static CallbackListener open(String host, int port, String path) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        CallbackListener listener = new CallbackListener(server, host, path);
        server.createContext(path, listener::handle);
        server.start();
        if ("localhost".equals(host)) {
            try {
                listener.ipv6 = HttpServer.create(new InetSocketAddress(InetAddress.getByName("::1"), server.getAddress().getPort()), 0);
                listener.ipv6.createContext(path, listener::handle);
                listener.ipv6.start();
            } catch (IOException noIpv6) {
                listener.ipv6 = null;
            }
        }
        return listener;
    }

    public URI redirectUri() {
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        boolean first = !callback.isDone();
        URI requested = exchange.getRequestURI();
        byte[] body = (first ? PAGE : "<p>This callback was already used.</p>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(first ? 200 : 409, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        if (first) {
            callback.complete(URI.create(redirectUri() + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery())));
        }
    }

    /** Completes with the callback when it arrives (a copy: completing it does not complete the listener). */
    public CompletableFuture<URI> received() {
        return callback.copy();
    }

    /** Waits for the one callback; empty on timeout. */
    public Optional<URI> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        if (ipv6 != null) ipv6.stop(0);
    }
}
