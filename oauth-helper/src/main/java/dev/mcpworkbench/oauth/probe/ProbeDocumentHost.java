package dev.mcpworkbench.oauth.probe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the client metadata documents of the CIMD probe on 127.0.0.1 (so only an authorization
 * server on this machine can fetch them): a document or a redirect per path, and how often each
 * path was fetched.
 */
final class ProbeDocumentHost implements AutoCloseable {

    private record Answer(int status, String location, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    ProbeDocumentHost() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            fetches.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Answer answer = answers.getOrDefault(path, new Answer(404, null, "not found"));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.status() == 200 ? "application/json" : "text/plain");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (answer.location() != null) exchange.getResponseHeaders().set("Location", answer.location());
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The URL {@code path} is served at. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void document(String path, String json) {
        answers.put(path, new Answer(200, null, json));
    }

    void redirect(String path, String toPath) {
        answers.put(path, new Answer(302, url(toPath), ""));
    }

    int fetches(String path) {
        AtomicInteger n = fetches.get(path);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
