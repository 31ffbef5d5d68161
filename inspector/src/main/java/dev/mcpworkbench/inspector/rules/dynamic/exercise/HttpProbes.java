package dev.mcpworkbench.inspector.rules.dynamic.exercise;

import dev.mcpworkbench.inspector.rules.dynamic.SessionEvidence;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The transport probes behind TRANSPORT-002 and TRANSPORT-003: raw HTTP requests to a Streamable
 * HTTP endpoint, each with a timeout. Headers given (e.g. Authorization) are sent as configured.
 */
public final class HttpProbes {

    static final String EVIL_ORIGIN = "http://evil.invalid";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"mcp-workbench-probe\",\"version\":\"1\"}}}";
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";

    private final HttpClient http;
    private final Duration timeout;

    public HttpProbes(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public SessionEvidence.OriginProbeResult probeOrigin(URI endpoint, Map<String, String> headers) throws IOException, InterruptedException {
        HttpResponse<String> post = http.send(post(endpoint, headers, INITIALIZE).header("Origin", EVIL_ORIGIN).build(),
                HttpResponse.BodyHandlers.ofString());
        deleteSession(endpoint, headers, post.headers().firstValue("mcp-session-id").orElse(null));
        HttpRequest.Builder options = base(endpoint, headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", EVIL_ORIGIN).header("Access-Control-Request-Method", "POST");
        HttpResponse<Void> preflight = http.send(options.build(), HttpResponse.BodyHandlers.discarding());
        String other = otherInterfaceAnswering(endpoint);
        return new SessionEvidence.OriginProbeResult(endpoint.toString(), post.statusCode(),
                post.headers().firstValue("access-control-allow-origin").orElse(""),
                preflight.headers().firstValue("access-control-allow-origin").orElse(""),
                other != null, other == null ? "" : other);
    }

    /** Initializes {@code count} sessions and, with a credential, tries the first one without it. */
    public SessionEvidence.SessionProbeResult probeSessions(URI endpoint, Map<String, String> headers, int count)
            throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> r = http.send(post(endpoint, headers, INITIALIZE).build(), HttpResponse.BodyHandlers.ofString());
            r.headers().firstValue("mcp-session-id").ifPresent(ids::add);
        }
        boolean hasCredential = headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("authorization"));
        boolean usable = false;
        if (hasCredential && !ids.isEmpty()) {
            Map<String, String> without = new java.util.HashMap<>(headers);
            without.keySet().removeIf(h -> h.equalsIgnoreCase("authorization"));
            HttpResponse<String> r = http.send(post(endpoint, without, PING).header("Mcp-Session-Id", ids.get(0)).build(),
                    HttpResponse.BodyHandlers.ofString());
            usable = r.statusCode() >= 200 && r.statusCode() < 300;
        }
        for (String id : ids) deleteSession(endpoint, headers, id);
        return new SessionEvidence.SessionProbeResult(endpoint.toString(), ids, hasCredential, usable);
    }

    private HttpRequest.Builder base(URI endpoint, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(timeout);
        headers.forEach(b::header);
        return b;
    }

    private HttpRequest.Builder post(URI endpoint, Map<String, String> headers, String body) {
        return base(endpoint, headers).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream");
    }

    private void deleteSession(URI endpoint, Map<String, String> headers, String id) {
        if (id == null) return;
        try {
            http.send(base(endpoint, headers).DELETE().header("Mcp-Session-Id", id).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        }
    }

    /** For a loopback endpoint: the first non-loopback local IPv4 address where the port also answers. */
    private String otherInterfaceAnswering(URI endpoint) {
        try {
            InetAddress host = InetAddress.getByName(endpoint.getHost());
            if (!host.isLoopbackAddress()) return null;
            int port = endpoint.getPort() > 0 ? endpoint.getPort() : 80;
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) continue;
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (!(a instanceof Inet4Address)) continue;
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(a, port), 500);
                        return a.getHostAddress() + ":" + port;
                    } catch (IOException ignored) {
                        // not listening there: the good case
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
