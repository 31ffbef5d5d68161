package dev.mcpworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.lab.auth.ClientRegistry;
import dev.mcpworkbench.lab.server.Json;
import dev.mcpworkbench.lab.server.LabHttpServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The authorization server in its good configuration, driven over HTTP on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthorizationServerTest {

    @Test
    void metadataAtRootIssuerWellKnownUrls() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth())) {
            OAuthDriver d = new OAuthDriver(lab);
            for (String path : List.of("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration")) {
                HttpResponse<String> response = d.get(URI.create(d.issuer() + path), Map.of());
                assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
                JsonNode m = OAuthDriver.json(response.body());
                assertThat(m.path("issuer").asText()).isEqualTo(d.issuer());
                assertThat(m.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
                assertThat(m.path("client_id_metadata_document_supported").asBoolean()).isTrue();
                assertThat(m.path("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
                assertThat(m.path("response_types_supported").toString()).contains("code");
            }
        }
    }

    @Test
    void metadataUnderPathIssuer() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withIssuerPath("/tenant1"))) {
            OAuthDriver d = new OAuthDriver(lab);
            assertThat(d.issuer()).endsWith("/tenant1");
            String origin = d.issuer().substring(0, d.issuer().length() - "/tenant1".length());
            for (String url : List.of(origin + "/.well-known/oauth-authorization-server/tenant1",
                    origin + "/.well-known/openid-configuration/tenant1", d.issuer() + "/.well-known/openid-configuration")) {
                assertThat(OAuthDriver.json(d.get(URI.create(url), Map.of()).body()).path("issuer").asText()).isEqualTo(d.issuer());
            }
            assertThat(d.get(URI.create(origin + "/.well-known/oauth-authorization-server"), Map.of()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void consentPageApprovesAndDenies() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth())) {
            OAuthDriver d = new OAuthDriver(lab);
            for (String decision : List.of("approve", "deny")) {
                HttpResponse<String> page = d.authorize(d.goodAuthorization());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("<form method=\"post\"").contains("Approve").contains("Deny").contains("notes:read");
                String transaction = page.body().replaceAll("(?s).*name=\"transaction\" value=\"([^\"]+)\".*", "$1");
                HttpResponse<String> answer = d.post(URI.create(d.issuer() + "/authorize/decision"), "application/x-www-form-urlencoded",
                        "transaction=" + transaction + "&decision=" + decision, Map.of());
                assertThat(answer.statusCode()).isEqualTo(302);
                Map<String, String> params = OAuthDriver.redirectParams(answer);
                assertThat(params.get("state")).isEqualTo("state-123");
                assertThat(params.get("iss")).isEqualTo(d.issuer());
                if (decision.equals("approve")) {
                    assertThat(params).containsKey("code");
                } else {
                    assertThat(params.get("error")).isEqualTo("access_denied");
                }
            }
        }
    }

    @Test
    void codeFlowIssuesAudienceBoundJwtAndRotatesRefreshTokens() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAutoApprove().withAuth())) {
            OAuthDriver d = new OAuthDriver(lab);
            HttpResponse<String> response = d.token(d.codeExchange(d.code()));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");
            JsonNode tokens = OAuthDriver.json(response.body());
            String jwt = tokens.path("access_token").asText();
            assertThat(OAuthDriver.header(jwt).path("alg").asText()).isEqualTo("ES256");
            JsonNode claims = OAuthDriver.claims(jwt);
            assertThat(claims.path("aud").toString()).contains(lab.mcpUrl().toString());
            assertThat(claims.path("iss").asText()).isEqualTo(d.issuer());
            assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isLessThanOrEqualTo(3600);
            assertThat(OAuthDriver.json(d.get(URI.create(d.issuer() + "/jwks"), Map.of()).body()).path("keys").get(0).path("kty").asText())
                    .isEqualTo("EC");

            Map<String, String> refresh = Map.of("grant_type", "refresh_token", "client_id", ClientRegistry.PUBLIC_CLIENT_ID,
                    "refresh_token", tokens.path("refresh_token").asText());
            HttpResponse<String> first = d.token(refresh);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(OAuthDriver.json(first.body()).path("refresh_token").asText()).isNotEqualTo(tokens.path("refresh_token").asText());
            assertThat(d.token(refresh).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void pkceIsRequiredAndCodesAreSingleUse() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAutoApprove().withAuth())) {
            OAuthDriver d = new OAuthDriver(lab);
            Map<String, String> noPkce = new LinkedHashMap<>(d.goodAuthorization());
            noPkce.remove("code_challenge");
            noPkce.remove("code_challenge_method");
            assertThat(OAuthDriver.redirectParams(d.authorize(noPkce)).get("error")).isEqualTo("invalid_request");

            Map<String, String> wrongVerifier = d.codeExchange(d.code());
            wrongVerifier.put("code_verifier", "not-the-verifier-not-the-verifier-not-the-verifier");
            assertThat(d.token(wrongVerifier).statusCode()).isEqualTo(400);

            String code = d.code();
            assertThat(d.token(d.codeExchange(code)).statusCode()).isEqualTo(200);
            assertThat(d.token(d.codeExchange(code)).statusCode()).isEqualTo(400);

            Map<String, String> unknownResource = new LinkedHashMap<>(d.goodAuthorization());
            unknownResource.put("resource", "http://127.0.0.1:1/elsewhere");
            assertThat(OAuthDriver.redirectParams(d.authorize(unknownResource)).get("error")).isEqualTo("invalid_target");
        }
    }

    @Test
    void confidentialClientAuthenticatesWithBasicAndPost() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAutoApprove().withAuth())) {
            OAuthDriver d = new OAuthDriver(lab);
            String secret = lab.authorizationServer().orElseThrow().clients().confidentialClientSecret();
            for (boolean basic : new boolean[] {true, false}) {
                Map<String, String> auth = new LinkedHashMap<>(d.goodAuthorization());
                auth.put("client_id", ClientRegistry.CONFIDENTIAL_CLIENT_ID);
                String code = OAuthDriver.redirectParams(d.authorize(auth)).get("code");
                Map<String, String> form = d.codeExchange(code);
                form.remove("client_id");
                HttpResponse<String> response;
                if (basic) {
                    response = d.tokenWithBasic(form, ClientRegistry.CONFIDENTIAL_CLIENT_ID, secret);
                } else {
                    form.put("client_id", ClientRegistry.CONFIDENTIAL_CLIENT_ID);
                    form.put("client_secret", secret);
                    response = d.token(form);
                }
                assertThat(response.statusCode()).as("basic=%s", basic).isEqualTo(200);
            }
            Map<String, String> wrong = d.codeExchange("whatever");
            assertThat(d.tokenWithBasic(wrong, ClientRegistry.CONFIDENTIAL_CLIENT_ID, "wrong").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void registrationNeedsInitialAccessTokenAndGivesNativeClientsNoSecret() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth())) {
            OAuthDriver d = new OAuthDriver(lab);
            String body = Json.write(Map.of("client_name", "Workbench", "application_type", "native", "redirect_uris", List.of(OAuthDriver.REDIRECT)));
            URI register = URI.create(d.issuer() + "/register");
            assertThat(d.post(register, "application/json", body, Map.of()).statusCode()).isEqualTo(401);
            String iat = lab.authorizationServer().orElseThrow().clients().initialAccessToken();
            HttpResponse<String> response = d.post(register, "application/json", body, Map.of("Authorization", "Bearer " + iat));
            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode client = OAuthDriver.json(response.body());
            assertThat(client.has("client_secret")).isFalse();
            assertThat(client.path("token_endpoint_auth_method").asText()).isEqualTo("none");
        }
    }

    @Test
    void clientIdMetadataDocumentsAreFetchedAndChecked() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAutoApprove().withAuth()); LabHttpServer docs = new LabHttpServer(0)) {
            OAuthDriver d = new OAuthDriver(lab);
            Map<String, String> served = new java.util.concurrent.ConcurrentHashMap<>();
            docs.route("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/moved.json")) {
                    exchange.getResponseHeaders().set("Location", docs.origin() + "/good.json");
                    exchange.sendResponseHeaders(302, -1);
                    exchange.close();
                    return;
                }
                byte[] bytes = served.getOrDefault(path, "{}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            }).start();
            String good = docs.origin() + "/good.json";
            served.put("/good.json", document(good, OAuthDriver.REDIRECT, "none", ""));
            served.put("/mismatch.json", document(docs.origin() + "/other.json", OAuthDriver.REDIRECT, "none", ""));
            served.put("/secret.json", document(docs.origin() + "/secret.json", OAuthDriver.REDIRECT, "client_secret_basic", ""));
            served.put("/big.json", document(docs.origin() + "/big.json", OAuthDriver.REDIRECT, "none", "x".repeat(6000)));

            Map<String, String> request = new LinkedHashMap<>(d.goodAuthorization());
            request.put("client_id", good);
            String code = OAuthDriver.redirectParams(d.authorize(request)).get("code");
            Map<String, String> exchange = d.codeExchange(code);
            exchange.put("client_id", good);
            assertThat(d.token(exchange).statusCode()).isEqualTo(200);

            Map<String, String> otherRedirect = new LinkedHashMap<>(request);
            otherRedirect.put("redirect_uri", "http://127.0.0.1:45678/elsewhere");
            assertThat(d.authorize(otherRedirect).statusCode()).isEqualTo(400);
            for (String bad : List.of("/mismatch.json", "/secret.json", "/big.json", "/moved.json")) {
                Map<String, String> r = new LinkedHashMap<>(d.goodAuthorization());
                r.put("client_id", docs.origin() + bad);
                HttpResponse<String> response = d.authorize(r);
                assertThat(response.statusCode()).as(bad).isEqualTo(400);
                assertThat(response.headers().firstValue("Location")).as(bad).isEmpty();
            }
        }
    }

    static String document(String clientId, String redirect, String authMethod, String padding) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("client_id", clientId);
        doc.put("client_name", "Lab CIMD client");
        doc.put("redirect_uris", List.of(redirect));
        doc.put("token_endpoint_auth_method", authMethod);
        if (!padding.isEmpty()) {
            doc.put("description", padding);
        }
        return Json.write(doc);
    }
}
