package dev.mcpworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.lab.auth.ClientRegistry;
import dev.mcpworkbench.lab.auth.LabAuthorizationServer;
import dev.mcpworkbench.lab.auth.Misbehaviour;
import dev.mcpworkbench.lab.server.Json;
import dev.mcpworkbench.lab.server.LabHttpServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every misbehaviour switch changes what the lab does, checked through a real flow over HTTP.
 * The switch below is exhaustive: a new misbehaviour does not compile without its check.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MisbehaviourTest {

    @ParameterizedTest
    @EnumSource(Misbehaviour.class)
    void misbehaviourIsObservable(Misbehaviour m) throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAutoApprove().withMisbehaviours(m))) {
            OAuthDriver d = new OAuthDriver(lab);
            LabAuthorizationServer as = lab.authorizationServer().orElseThrow();
            switch (m) {
                case UNAUTHENTICATED_ACCESS -> assertThat(d.listTools(null).statusCode()).isEqualTo(200);
                case CHALLENGE_WITHOUT_METADATA -> assertThat(challenge(d.listTools(null))).startsWith("Bearer").doesNotContain("resource_metadata");
                case NO_RESOURCE_METADATA -> {
                    assertThat(d.get(URI.create(lab.mcpOrigin() + "/.well-known/oauth-protected-resource/mcp"), Map.of()).statusCode()).isEqualTo(404);
                    assertThat(d.get(URI.create(lab.mcpOrigin() + "/.well-known/oauth-protected-resource"), Map.of()).statusCode()).isEqualTo(404);
                }
                case PRM_RESOURCE_MISMATCH -> assertThat(prm(d, lab).path("resource").asText()).isNotEqualTo(lab.mcpUrl().toString())
                        .startsWith("https://notes.example.com");
                case BROAD_SCOPES -> {
                    assertThat(prm(d, lab).path("scopes_supported").toString()).contains("admin", "\"*\"", "offline_access");
                    assertThat(challenge(d.listTools(null))).doesNotContain("scope=");
                }
                case BAD_TOKEN_ACCEPTED -> {
                    assertThat(d.listTools("garbage").statusCode()).isEqualTo(200);
                    assertThat(d.listTools(as.mintExpiredAccessToken(lab.mcpUrl(), Set.of("notes:read"))).statusCode()).isEqualTo(200);
                }
                case TOKEN_IN_QUERY -> {
                    String token = as.mintAccessToken(lab.mcpUrl(), Set.of("notes:read"));
                    HttpResponse<String> response = d.post(URI.create(lab.mcpUrl() + "?access_token=" + token), "application/json",
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}", Map.of("Accept", "application/json, text/event-stream"));
                    assertThat(response.statusCode()).isEqualTo(200);
                }
                case AUDIENCE_NOT_CHECKED -> assertThat(d.listTools(as.mintAccessToken(URI.create("http://127.0.0.1:1/other"), Set.of("notes:read")))
                        .statusCode()).isEqualTo(200);
                case WRONG_STEP_UP -> {
                    HttpResponse<String> response = d.mcp("tools/call", Map.of("name", "delete_note",
                            "arguments", Map.of("noteId", "N-1", "confirm", true)), as.mintAccessToken(lab.mcpUrl(), Set.of("notes:read")));
                    assertThat(response.statusCode()).isEqualTo(403);
                    assertThat(challenge(response)).doesNotContain("scope=").doesNotContain("resource_metadata");
                }
                case UNSAFE_METADATA_URLS -> assertThat(metadata(d).path("jwks_uri").asText()).startsWith("http://10.");
                case METADATA_ROOT_ONLY -> {
                    assertThat(d.issuer()).endsWith(LabAuthorizationServer.FORCED_ISSUER_PATH);
                    String origin = d.issuer().substring(0, d.issuer().length() - LabAuthorizationServer.FORCED_ISSUER_PATH.length());
                    assertThat(d.get(URI.create(origin + "/.well-known/oauth-authorization-server" + LabAuthorizationServer.FORCED_ISSUER_PATH),
                            Map.of()).statusCode()).isEqualTo(404);
                    assertThat(d.get(URI.create(origin + "/.well-known/oauth-authorization-server"), Map.of()).statusCode()).isEqualTo(200);
                }
                case WRONG_ISSUER -> assertThat(metadata(d).path("issuer").asText()).isNotEqualTo(d.issuer()).isEqualTo(d.issuer() + "/");
                case METADATA_INCOMPLETE -> assertThat(metadata(d).has("response_types_supported")).isFalse();
                case NO_S256_ADVERTISED -> assertThat(metadata(d).path("code_challenge_methods_supported").toString()).isEqualTo("[\"plain\"]");
                case PKCE_OPTIONAL -> {
                    Map<String, String> auth = new LinkedHashMap<>(d.goodAuthorization());
                    auth.remove("code_challenge");
                    auth.remove("code_challenge_method");
                    Map<String, String> form = d.codeExchange(OAuthDriver.redirectParams(d.authorize(auth)).get("code"));
                    form.remove("code_verifier");
                    assertThat(d.token(form).statusCode()).isEqualTo(200);
                }
                case PKCE_PLAIN -> {
                    Map<String, String> auth = new LinkedHashMap<>(d.goodAuthorization());
                    auth.put("code_challenge", OAuthDriver.VERIFIER);
                    auth.put("code_challenge_method", "plain");
                    assertThat(d.token(d.codeExchange(OAuthDriver.redirectParams(d.authorize(auth)).get("code"))).statusCode()).isEqualTo(200);
                }
                case RESOURCE_IGNORED -> {
                    assertThat(OAuthDriver.claims(d.tokens().path("access_token").asText()).path("aud").toString())
                            .doesNotContain(lab.mcpUrl().toString());
                    Map<String, String> auth = new LinkedHashMap<>(d.goodAuthorization());
                    auth.put("resource", "http://127.0.0.1:1/elsewhere");
                    assertThat(OAuthDriver.redirectParams(d.authorize(auth))).containsKey("code");
                }
                case NO_ISS -> assertThat(OAuthDriver.redirectParams(d.authorize(d.goodAuthorization()))).containsKey("code").doesNotContainKey("iss");
                case WRONG_ISS -> assertThat(OAuthDriver.redirectParams(d.authorize(d.goodAuthorization())).get("iss")).isNotEqualTo(d.issuer());
                case NO_CIMD -> {
                    assertThat(metadata(d).has("client_id_metadata_document_supported")).isFalse();
                    Map<String, String> auth = new LinkedHashMap<>(d.goodAuthorization());
                    auth.put("client_id", "http://127.0.0.1:1/client.json");
                    assertThat(d.authorize(auth).statusCode()).isEqualTo(400);
                }
                case OPEN_DCR -> {
                    String body = Json.write(Map.of("client_name", "Claude Desktop", "application_type", "native",
                            "redirect_uris", List.of("http://127.0.0.1/callback")));
                    HttpResponse<String> response = d.post(URI.create(d.issuer() + "/register"), "application/json", body, Map.of());
                    assertThat(response.statusCode()).isEqualTo(201);
                    assertThat(OAuthDriver.json(response.body()).has("client_secret")).isTrue();
                }
                case REDIRECT_PREFIX_MATCH -> {
                    Map<String, String> auth = new LinkedHashMap<>(d.goodAuthorization());
                    auth.put("redirect_uri", ClientRegistry.LOOPBACK_REDIRECT + ".evil.example/steal");
                    HttpResponse<String> response = d.authorize(auth);
                    assertThat(response.statusCode()).isEqualTo(302);
                    assertThat(response.headers().firstValue("Location").orElseThrow()).contains("evil.example");
                }
                case CIMD_UNCHECKED -> cimdUnchecked(d);
                case NO_REFRESH_ROTATION -> {
                    JsonNode tokens = d.tokens();
                    Map<String, String> refresh = Map.of("grant_type", "refresh_token", "client_id", ClientRegistry.PUBLIC_CLIENT_ID,
                            "refresh_token", tokens.path("refresh_token").asText());
                    assertThat(d.token(refresh).statusCode()).isEqualTo(200);
                    assertThat(d.token(refresh).statusCode()).isEqualTo(200);
                }
                case REUSABLE_CODE -> {
                    String code = d.code();
                    assertThat(d.token(d.codeExchange(code)).statusCode()).isEqualTo(200);
                    Map<String, String> again = d.codeExchange(code);
                    again.put("redirect_uri", "http://127.0.0.1:9/other");
                    assertThat(d.token(again).statusCode()).isEqualTo(200);
                }
                case NO_STORE_MISSING -> assertThat(d.token(d.codeExchange(d.code())).headers().firstValue("Cache-Control")).isEmpty();
                case STATE_NOT_ECHOED -> assertThat(OAuthDriver.redirectParams(d.authorize(d.goodAuthorization()))).containsKey("code")
                        .doesNotContainKey("state");
                case ALG_NONE -> {
                    String jwt = d.tokens().path("access_token").asText();
                    assertThat(OAuthDriver.header(jwt).path("alg").asText()).isEqualTo("none");
                    assertThat(d.listTools(jwt).statusCode()).isEqualTo(200);
                }
                case LONG_LIVED_TOKENS -> {
                    JsonNode claims = OAuthDriver.claims(d.tokens().path("access_token").asText());
                    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isGreaterThan(3600);
                }
            }
        }
    }

    private static String challenge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isIn(401, 403);
        return response.headers().firstValue("WWW-Authenticate").orElse("");
    }

    private static JsonNode prm(OAuthDriver d, RunningLab lab) {
        return OAuthDriver.json(d.get(URI.create(lab.mcpOrigin() + "/.well-known/oauth-protected-resource/mcp"), Map.of()).body());
    }

    private static JsonNode metadata(OAuthDriver d) {
        return OAuthDriver.json(d.get(URI.create(d.issuer() + "/.well-known/openid-configuration"), Map.of()).body());
    }

    /** A document whose client_id is another URL, asking for a secret, and not listing the redirect, is accepted. */
    private static void cimdUnchecked(OAuthDriver d) {
        try (LabHttpServer docs = new LabHttpServer(0)) {
            docs.route("/client.json", exchange -> {
                byte[] bytes = AuthorizationServerTest.document("https://someone-else.example/client.json", "http://127.0.0.1/listed",
                        "client_secret_basic", "").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            }).start();
            Map<String, String> auth = new LinkedHashMap<>(d.goodAuthorization());
            auth.put("client_id", docs.origin() + "/client.json");
            assertThat(OAuthDriver.redirectParams(d.authorize(auth))).containsKey("code");
        }
    }
}
