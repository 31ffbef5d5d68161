package dev.mcpworkbench.oauth.flow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real (tiny) MCP resource server and authorization server on 127.0.0.1, one origin, whose
 * behaviour each test can bend: the misbehaviours the flow must notice.
 */
final class LoopbackOAuthServer implements AutoCloseable {

    final HttpServer server;
    final String base;
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Map<String, String>> lastForm = new ConcurrentHashMap<>();
    final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    final AtomicInteger tokenCount = new AtomicInteger();
    /** The Authorization header of the last token request (client_secret_basic), or null. */
    volatile String lastTokenAuthorization;

    boolean advertiseS256 = true;
    boolean advertisePlain = false;
    boolean advertiseIss = true;
    /** null: the correct issuer; "": no iss; anything else: that value. */
    String issInCallback = null;
    boolean tamperState = false;
    boolean tokenNoStore = true;
    boolean issueRefreshTokens = false;
    String metadataIssuer = null;
    String resourceMetadataUrl = null;
    boolean prmRedirectsElsewhere = false;
    int hugeMetadataBytes = 0;
    String accessTokenOverride = null;
    String scopesSupported = "[\"mcp:read\"]";
    /** The {@code resource} the protected resource metadata publishes; null: the server's URL. */
    String publishedResource = null;
    /** false: a 2025-03-26 server, no protected resource metadata and no resource_metadata in its challenge. */
    boolean publishesResourceMetadata = true;
    /** false: no authorization server metadata either, only the default endpoints at the origin. */
    boolean publishesServerMetadata = true;
    /** Instead of redirecting, /authorize answers this status, Content-Type and body (null: redirect). */
    Object[] authorizeAnswer = null;
    /** Instead of accepting its tokens, the MCP endpoint refuses every request with this challenge (null: accept). */
    String refuseWith = null;
    /** The metadata's token_endpoint_auth_methods_supported, as JSON. */
    String authMethodsSupported = "[\"none\"]";
    /** true: the token endpoint refuses client_secret_basic (401 invalid_client) and wants client_secret_post. */
    boolean postOnly = false;

    LoopbackOAuthServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", this::route);
        server.start();
    }

    URI mcpUrl() {
        return URI.create(base + "/mcp");
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(ex.getRequestMethod() + " " + path);
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        switch (path) {
            case "/mcp" -> mcp(ex);
            case "/.well-known/oauth-protected-resource/mcp" -> {
                if (publishesResourceMetadata) prm(ex);
                else send(ex, 404, Map.of(), "{\"error\":\"not_found\"}");
            }
            case "/.well-known/oauth-authorization-server" -> {
                if (publishesServerMetadata) asMetadata(ex);
                else send(ex, 404, Map.of(), "{\"error\":\"not_found\"}");
            }
            case "/register" -> send(ex, 201, Map.of(), "{\"client_id\":\"client-" + tokenCount.get() + "\"}");
            case "/authorize" -> authorize(ex);
            case "/token" -> token(ex, body);
            default -> send(ex, 404, Map.of(), "{\"error\":\"not_found\"}");
        }
    }

    private void mcp(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (refuseWith != null && auth != null) {
            send(ex, 401, Map.of("WWW-Authenticate", refuseWith), "{\"error\":\"invalid_token\"}");
            return;
        }
        if (auth == null || !auth.startsWith("Bearer ") || !validTokens.contains(auth.substring(7))) {
            String rm = resourceMetadataUrl != null ? resourceMetadataUrl : base + "/.well-known/oauth-protected-resource/mcp";
            String challenge = publishesResourceMetadata || resourceMetadataUrl != null ? "Bearer resource_metadata=\"" + rm + "\", scope=\"mcp:read\"" : "Bearer";
            send(ex, 401, Map.of("WWW-Authenticate", challenge),
                    "{\"error\":\"invalid_token\"}");
            return;
        }
        send(ex, 200, Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"serverInfo\":{\"name\":\"loopback\",\"version\":\"1\"}}}");
    }

    private void prm(HttpExchange ex) throws IOException {
        if (prmRedirectsElsewhere) {
            send(ex, 302, Map.of("Location", "https://attacker.example/prm.json"), "");
            return;
        }
        String resource = publishedResource != null ? publishedResource : base + "/mcp";
        send(ex, 200, Map.of(), "{\"resource\":\"" + resource + "\",\"authorization_servers\":[\"" + base + "\"],"
                + "\"scopes_supported\":" + scopesSupported + "}");
    }

    private void asMetadata(HttpExchange ex) throws IOException {
        if (hugeMetadataBytes > 0) {
            send(ex, 200, Map.of(), "{\"issuer\":\"" + base + "\",\"x\":\"" + "a".repeat(hugeMetadataBytes) + "\"}");
            return;
        }
        String methods = advertiseS256 ? (advertisePlain ? "[\"S256\",\"plain\"]" : "[\"S256\"]") : "[\"plain\"]";
        send(ex, 200, Map.of(), "{\"issuer\":\"" + (metadataIssuer != null ? metadataIssuer : base) + "\","
                + "\"authorization_endpoint\":\"" + base + "/authorize\",\"token_endpoint\":\"" + base + "/token\","
                + "\"registration_endpoint\":\"" + base + "/register\",\"response_types_supported\":[\"code\"],"
                + "\"code_challenge_methods_supported\":" + methods + ",\"token_endpoint_auth_methods_supported\":" + authMethodsSupported + ","
                + "\"scopes_supported\":[\"mcp:read\",\"mcp:write\"],"
                + "\"authorization_response_iss_parameter_supported\":" + advertiseIss + "}");
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        lastForm.put("authorize", q);
        if (authorizeAnswer != null) {
            send(ex, (Integer) authorizeAnswer[0], Map.of("Content-Type", (String) authorizeAnswer[1]), (String) authorizeAnswer[2]);
            return;
        }
        String state = tamperState ? "forged" : q.get("state");
        String iss = issInCallback == null ? base : issInCallback;
        String location = q.get("redirect_uri") + "?code=code-" + tokenCount.get() + "&state=" + enc(state)
                + (iss.isEmpty() ? "" : "&iss=" + enc(iss));
        send(ex, 302, Map.of("Location", location), "");
    }

    private void token(HttpExchange ex, String body) throws IOException {
        Map<String, String> f = form(body);
        lastForm.put("token", f);
        lastTokenAuthorization = ex.getRequestHeaders().getFirst("Authorization");
        if (postOnly && (lastTokenAuthorization != null || !f.containsKey("client_secret"))) {
            send(ex, 401, Map.of(), "{\"error\":\"invalid_client\",\"error_description\":\"use client_secret_post\"}");
            return;
        }
        String token = accessTokenOverride != null ? accessTokenOverride : "at-" + tokenCount.incrementAndGet() + "-opaque";
        validTokens.add(token);
        String refresh = issueRefreshTokens ? ",\"refresh_token\":\"rt-" + tokenCount.get() + "\"" : "";
        Map<String, String> headers = tokenNoStore ? Map.of("Cache-Control", "no-store") : Map.of();
        send(ex, 200, headers, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":600" + refresh
                + (f.containsKey("scope") ? ",\"scope\":\"" + f.get("scope") + "\"" : "") + "}");
    }

    static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
