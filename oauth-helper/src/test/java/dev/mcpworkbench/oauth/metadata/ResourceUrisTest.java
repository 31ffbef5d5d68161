package dev.mcpworkbench.oauth.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ResourceUrisTest {

    @Test
    void canonicalDropsTrailingSlashAndLowercasesSchemeAndHost() {
        assertThat(ResourceUris.canonical(URI.create("HTTPS://MCP.Example.com/mcp/"))).hasToString("https://mcp.example.com/mcp");
        assertThat(ResourceUris.canonical(URI.create("http://127.0.0.1:8080"))).hasToString("http://127.0.0.1:8080");
    }

    @Test
    void serverUrlWithFragmentIsAnError() {
        assertThatThrownBy(() -> ResourceUris.canonical(URI.create("https://mcp.example.com/mcp#x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fragment");
    }

    @Test
    void protectedResourceMetadataIsLookedUpPathFirstThenRoot() {
        assertThat(ResourceUris.protectedResourceMetadataCandidates(URI.create("https://h.example/tenant/mcp")))
                .extracting(URI::toString)
                .containsExactly("https://h.example/.well-known/oauth-protected-resource/tenant/mcp",
                        "https://h.example/.well-known/oauth-protected-resource");
        assertThat(ResourceUris.protectedResourceMetadataCandidates(URI.create("https://h.example")))
                .extracting(URI::toString).containsExactly("https://h.example/.well-known/oauth-protected-resource");
    }

    @Test
    void pathIssuersHaveThreeCandidatesInTheSpecOrder() {
        assertThat(ResourceUris.authorizationServerMetadataCandidates(URI.create("https://as.example/tenant1")))
                .extracting(URI::toString)
                .containsExactly("https://as.example/.well-known/oauth-authorization-server/tenant1",
                        "https://as.example/.well-known/openid-configuration/tenant1",
                        "https://as.example/tenant1/.well-known/openid-configuration");
        assertThat(ResourceUris.authorizationServerMetadataCandidates(URI.create("https://as.example")))
                .extracting(URI::toString)
                .containsExactly("https://as.example/.well-known/oauth-authorization-server",
                        "https://as.example/.well-known/openid-configuration");
    }

    @Test
    void urlSafetyFlagsSchemesCleartextAndPrivateAddresses() {
        assertThat(UrlSafety.check(URI.create("https://as.example/x"))).isEmpty();
        assertThat(UrlSafety.check(URI.create("http://127.0.0.1:9/x"))).isEmpty();
        assertThat(UrlSafety.check(URI.create("http://localhost:9/x"))).isEmpty();
        assertThat(UrlSafety.check(URI.create("http://as.example/x"))).contains(UrlSafety.Problem.CLEARTEXT);
        assertThat(UrlSafety.check(URI.create("file:///etc/passwd"))).contains(UrlSafety.Problem.NOT_ABSOLUTE);
        assertThat(UrlSafety.check(URI.create("javascript://x/alert(1)"))).contains(UrlSafety.Problem.BAD_SCHEME);
        assertThat(UrlSafety.check(URI.create("https://10.0.0.5/meta"))).contains(UrlSafety.Problem.PRIVATE_ADDRESS);
        assertThat(UrlSafety.check(URI.create("https://169.254.169.254/latest"))).contains(UrlSafety.Problem.PRIVATE_ADDRESS);
        assertThat(UrlSafety.check(URI.create("https://[fd00::1]/x"))).contains(UrlSafety.Problem.PRIVATE_ADDRESS);
        assertThat(UrlSafety.check(URI.create("https://user:pw@as.example/x"))).contains(UrlSafety.Problem.USERINFO);
    }
}
