package dev.mcpworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The protected MCP server: challenges, metadata, token checks, step-up; and the SDK client with a real token. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProtectedServerTest {

    @Test
    void missingTokenGetsChallengeWithResourceMetadataAndScope() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth())) {
            HttpResponse<String> response = new OAuthDriver(lab).listTools(null);
            assertThat(response.statusCode()).isEqualTo(401);
            String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
            assertThat(challenge).startsWith("Bearer ")
                    .contains("resource_metadata=\"" + lab.mcpOrigin() + "/.well-known/oauth-protected-resource/mcp\"")
                    .contains("scope=\"notes:read\"");
        }
    }

    @Test
    void protectedResourceMetadataAtPathAndRoot() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth())) {
            OAuthDriver driver = new OAuthDriver(lab);
            for (String path : new String[] {"/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource"}) {
                JsonNode prm = OAuthDriver.json(driver.get(URI.create(lab.mcpOrigin() + path), Map.of()).body());
                assertThat(prm.path("resource").asText()).isEqualTo(lab.mcpUrl().toString());
                assertThat(prm.path("authorization_servers").get(0).asText()).isEqualTo(lab.issuer().orElseThrow().toString());
                assertThat(prm.path("scopes_supported").toString()).contains("notes:delete").doesNotContain("offline_access");
            }
        }
    }

    @Test
    void garbageExpiredAndWrongAudienceTokensAreRefusedRightOneAccepted() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth())) {
            OAuthDriver driver = new OAuthDriver(lab);
            var as = lab.authorizationServer().orElseThrow();
            Set<String> read = Set.of("notes:read");
            String expired = as.mintExpiredAccessToken(lab.mcpUrl(), read);
            String otherAudience = as.mintAccessToken(URI.create("http://127.0.0.1:1/other"), read);
            for (String bad : new String[] {"garbage", expired, otherAudience}) {
                HttpResponse<String> response = driver.listTools(bad);
                assertThat(response.statusCode()).as("token %s", bad).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
            }
            assertThat(driver.listTools(as.mintAccessToken(lab.mcpUrl(), read)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void lowScopeTokenOnDeleteGetsInsufficientScopeNamingTheScope() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth())) {
            OAuthDriver driver = new OAuthDriver(lab);
            String token = lab.authorizationServer().orElseThrow().mintAccessToken(lab.mcpUrl(), Set.of("notes:read"));
            HttpResponse<String> response = driver.mcp("tools/call",
                    Map.of("name", "delete_note", "arguments", Map.of("noteId", "N-1", "confirm", true)), token);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error=\"insufficient_scope\"").contains("notes:delete").contains("resource_metadata=");
            String deleter = lab.authorizationServer().orElseThrow().mintAccessToken(lab.mcpUrl(), Set.of("notes:read", "notes:delete"));
            HttpResponse<String> allowed = driver.mcp("tools/call",
                    Map.of("name", "delete_note", "arguments", Map.of("noteId", "N-1", "confirm", true)), deleter);
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.body()).contains("\"deleted\":true");
        }
    }

    @Test
    void sdkClientWorksWithTokenFromTheRealFlowAndFailsWithout() {
        try (RunningLab lab = Lab.start(LabSpec.flawed().withAuth().withAutoApprove())) {
            String token = new OAuthDriver(lab).tokens().path("access_token").asText();
            try (McpSyncClient client = LabClients.http(lab.mcpUrl(), token)) {
                client.initialize();
                assertThat(client.listTools().tools()).hasSizeGreaterThan(40);
            }
            try (McpSyncClient anonymous = LabClients.http(lab.mcpUrl(), null)) {
                assertThatThrownBy(anonymous::initialize).isInstanceOf(RuntimeException.class);
            }
        }
    }
}
