package dev.mcpworkbench.lab.server;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A JDK HttpServer bound to 127.0.0.1 (port 0 picks a free one), one virtual thread per exchange. */
public final class LabHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public LabHttpServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        server.setExecutor(executor);
    }

    public LabHttpServer route(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    public LabHttpServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The origin, e.g. {@code http://127.0.0.1:54321}, without a trailing slash. */
    public String origin() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
