package dev.mcpworkbench.inspector.rules.dynamic.exercise;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny HTTP server on 127.0.0.1 that records which canary URLs were fetched. SCHEMA-007 hands a
 * canary URL to URL-typed parameters: a hit proves the server fetched an address it was given
 * by the model, loopback included (server-side request forgery).
 */
public final class CanaryServer implements AutoCloseable {

    private final HttpServer server;
    private final Set<String> hits = ConcurrentHashMap.newKeySet();

    private CanaryServer(HttpServer server) {
        this.server = server;
    }

    public static CanaryServer start() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        CanaryServer canary = new CanaryServer(s);
        s.createContext("/canary/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            canary.hits.add(path.substring("/canary/".length()));
            byte[] body = "mcp-workbench canary".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        s.start();
        return canary;
    }

    /** A fresh, unguessable canary token. */
    public String newToken() {
        return UUID.randomUUID().toString();
    }

    public String url(String token) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/canary/" + token;
    }

    public boolean wasHit(String token) {
        return hits.contains(token);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
