package dev.mcpworkbench.oauth.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bodies that never end: a trickle is cut at the request limit, an event stream nobody asked for is not read. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RecordingHttpClientTest {

    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/trickle", exchange -> endless(exchange, "application/json"));
        server.createContext("/stream", exchange -> endless(exchange, "text/event-stream"));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void endless(com.sun.net.httpserver.HttpExchange exchange, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 600; i++) {
                out.write(" ".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(100);
            }
        } catch (InterruptedException | IOException e) {
            // the client went away
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aBodyThatTricklesForeverIsCutAtTheRequestLimit() {
        RecordingHttpClient http = new RecordingHttpClient(Duration.ofSeconds(2), 1 << 20);
        long t0 = System.nanoTime();
        HttpExchange exchange = http.get(URI.create(base + "/trickle"), "application/json", e -> { });
        assertThat(exchange.answered()).isFalse();
        assertThat(exchange.error()).contains("within 2 s");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void anEventStreamAnsweringAJsonRequestIsNotRead() {
        RecordingHttpClient http = new RecordingHttpClient(Duration.ofSeconds(10), 1 << 20);
        HttpExchange exchange = http.get(URI.create(base + "/stream"), "application/json", e -> { });
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.responseBody()).isEmpty();
        assertThat(exchange.error()).isNull();
    }
}
