package dev.mcpworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.mcpworkbench.app.secrets.OsKeychain;
import dev.mcpworkbench.app.secrets.SecretServiceFixture;
import dev.mcpworkbench.app.secrets.SecretStorage;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import dev.mcpworkbench.inspector.profile.ProfileStore;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --profile} with a connection the desktop saved while a Secret Service ran: the
 * header reaches the server from the keychain, though profiles.json only refers to it; a value
 * gone from the keychain is named on stderr, never shown.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ScanProfileFromKeychainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_KEY = "key-9d41c7e2";

    @TempDir
    Path dir;

    @Test
    void theSavedHeaderComesFromTheKeychain() throws Exception {
        Assumptions.assumeTrue(SecretServiceFixture.available(), "no dbus-daemon and gnome-keyring-daemon here");
        List<String> keysSeen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mcp", exchange -> {
            try (exchange) {
                keysSeen.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Api-Key")));
                JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
                if (request == null || !request.has("id")) {
                    exchange.sendResponseHeaders(request == null ? 405 : 202, -1);
                    return;
                }
                ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0");
                reply.set("id", request.get("id"));
                ObjectNode result = reply.putObject("result");
                if (request.path("method").asText().equals("initialize")) {
                    result.put("protocolVersion", "2025-11-25").putObject("capabilities").putObject("tools");
                    result.putObject("serverInfo").put("name", "keyed").put("version", "1");
                } else {
                    result.putArray("tools");
                }
                byte[] body = JSON.writeValueAsBytes(reply);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        Preferences prefs = Preferences.userRoot().node("mcp-workbench-test-scan-keychain");
        try (SecretServiceFixture service = new SecretServiceFixture(Files.createDirectories(dir.resolve("home")));
             SecretStorage storage = new SecretStorage(prefs, OsKeychain::open)) {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp");
            new ProfileStore(dir, storage).save(List.of(ConnectionProfile.of("keyed", new ServerTarget.StreamableHttp(url,
                    Map.of("X-Api-Key", API_KEY)))));
            assertThat(Files.readString(dir.resolve("profiles.json"))).doesNotContain(API_KEY).contains("${keychain:keyed/header/X-Api-Key}");

            ScanCommandTest.Run r = ScanCommandTest.run("scan", "--profile", "keyed", "--config-dir", dir.toString(), "--format", "json",
                    "--timeout", "20");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(keysSeen).isNotEmpty().allMatch(API_KEY::equals);

            storage.delete("keyed/header/X-Api-Key");
            keysSeen.clear();
            ScanCommandTest.Run without = ScanCommandTest.run("scan", "--profile", "keyed", "--config-dir", dir.toString(), "--format", "json",
                    "--timeout", "20");
            assertThat(without.err()).contains("The header \u201cX-Api-Key\u201d of the saved connection \u201ckeyed\u201d is not in the OS keychain");
            assertThat(keysSeen).isNotEmpty().allMatch(""::equals);
        } finally {
            server.stop(0);
            prefs.removeNode();
        }
    }
}
