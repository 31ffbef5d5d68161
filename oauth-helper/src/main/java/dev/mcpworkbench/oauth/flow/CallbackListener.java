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

    private static final String PATH = "/callback";
    private static final String PAGE = "<!doctype html><meta charset=utf-8><title>MCP Workbench</title>"
            + "<p>Authorization received. You can close this tab and return to MCP Workbench.</p>";

    private final HttpServer server;
    private final CompletableFuture<URI> callback = new CompletableFuture<>();

    private CallbackListener(HttpServer server) {
        this.server = server;
    }

    public static CallbackListener open(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        CallbackListener listener = new CallbackListener(server);
        server.createContext(PATH, listener::handle);
        server.start();
        return listener;
    }

    public URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
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
    }
}
