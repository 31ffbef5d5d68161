package dev.mcpworkbench.oauth.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlSafetyTest {

    private static final URI REMOTE = URI.create("https://mcp.example.com/mcp");
    private static final URI LOCAL = URI.create("http://127.0.0.1:3000/mcp");

    @Test
    void aRemoteServerCannotSteerTheWorkbenchIntoThisMachine() {
        assertThat(UrlSafety.check(URI.create("http://127.0.0.1:8080/.well-known/x"), REMOTE))
                .contains(UrlSafety.Problem.LOOPBACK_FROM_REMOTE);
        assertThat(UrlSafety.check(URI.create("http://localhost:8080/admin"), REMOTE)).contains(UrlSafety.Problem.LOOPBACK_FROM_REMOTE);
        assertThat(UrlSafety.check(URI.create("http://[::1]:8080/"), REMOTE)).contains(UrlSafety.Problem.LOOPBACK_FROM_REMOTE);
    }

    @Test
    void aLocalServerMayNameLoopbackUrls() {
        assertThat(UrlSafety.check(URI.create("http://127.0.0.1:9000/.well-known/oauth-authorization-server"), LOCAL)).isEmpty();
    }

    @Test
    void aPrivateAddressIsFineOnlyAsTheServersOwnHost() {
        URI inside = URI.create("https://10.0.0.5/mcp");
        assertThat(UrlSafety.check(URI.create("https://10.0.0.5/.well-known/oauth-protected-resource"), inside)).isEmpty();
        assertThat(UrlSafety.check(URI.create("https://10.0.0.6/metadata"), inside)).contains(UrlSafety.Problem.PRIVATE_ADDRESS);
        assertThat(UrlSafety.check(URI.create("https://169.254.169.254/latest/meta-data"), REMOTE))
                .contains(UrlSafety.Problem.PRIVATE_ADDRESS);
    }

    @Test
    void schemesAndCleartextAreJudgedFirst() {
        assertThat(UrlSafety.check(URI.create("javascript:alert(1)"), REMOTE)).contains(UrlSafety.Problem.NOT_ABSOLUTE);
        assertThat(UrlSafety.check(URI.create("file://host/etc/passwd"), REMOTE)).contains(UrlSafety.Problem.BAD_SCHEME);
        assertThat(UrlSafety.check(URI.create("http://as.example.com/token"), REMOTE)).contains(UrlSafety.Problem.CLEARTEXT);
        assertThat(UrlSafety.check(URI.create("https://as.example.com/token"), REMOTE)).isEmpty();
    }
}
