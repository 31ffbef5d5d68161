package dev.mcpworkbench.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.lab.auth.ClientRegistry;
import dev.mcpworkbench.lab.server.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Drives the lab's OAuth endpoints over real HTTP on loopback, the way a headless client would. */
final class OAuthDriver {

    static final String VERIFIER = "lab-verifier-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG";
    static final String REDIRECT = "http://127.0.0.1:45678/callback";

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final RunningLab lab;

    OAuthDriver(RunningLab lab) {
        this.lab = lab;
    }

    String issuer() {
        return lab.issuer().orElseThrow().toString();
    }

    /** The parameters of a good authorization request from the pre-registered public client. */
    Map<String, String> goodAuthorization() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", ClientRegistry.PUBLIC_CLIENT_ID);
        p.put("redirect_uri", REDIRECT);
        p.put("state", "state-123");
        p.put("scope", "notes:read");
        p.put("code_challenge", s256(VERIFIER));
        p.put("code_challenge_method", "S256");
        p.put("resource", lab.mcpUrl().toString());
        return p;
    }

    HttpResponse<String> authorize(Map<String, String> params) {
        return get(URI.create(issuer() + "/authorize?" + form(params)), Map.of());
    }

    /** Query parameters of the Location header of a redirect. */
    static Map<String, String> redirectParams(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location; status "
                + response.statusCode() + ": " + response.body()));
        String query = URI.create(location).getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    /** Authorizes with the good request and returns the code (auto-approve must be on). */
    String code() {
        return redirectParams(authorize(goodAuthorization())).get("code");
    }

    Map<String, String> codeExchange(String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", REDIRECT);
        form.put("client_id", ClientRegistry.PUBLIC_CLIENT_ID);
        form.put("code_verifier", VERIFIER);
        form.put("resource", lab.mcpUrl().toString());
        return form;
    }

    HttpResponse<String> token(Map<String, String> form) {
        return post(URI.create(issuer() + "/token"), "application/x-www-form-urlencoded", form(form), Map.of());
    }

    HttpResponse<String> tokenWithBasic(Map<String, String> form, String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return post(URI.create(issuer() + "/token"), "application/x-www-form-urlencoded", form(form), Map.of("Authorization", "Basic " + basic));
    }

    /** Runs the whole good flow and returns the token response JSON. */
    JsonNode tokens() {
        HttpResponse<String> response = token(codeExchange(code()));
        if (response.statusCode() != 200) {
            throw new AssertionError("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }

    /** A JSON-RPC request to the MCP endpoint with an optional bearer token. */
    HttpResponse<String> mcp(String method, Map<String, Object> params, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", 1);
        body.put("method", method);
        body.put("params", params);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json, text/event-stream");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return post(lab.mcpUrl(), "application/json", Json.write(body), headers);
    }

    HttpResponse<String> listTools(String token) {
        return mcp("tools/list", Map.of(), token);
    }

    HttpResponse<String> get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    HttpResponse<String> post(URI uri, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request to " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** The claims of a JWT, without checking the signature. */
    static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return json(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    static JsonNode header(String jwt) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8));
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
