package dev.mcpworkbench.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import dev.mcpworkbench.oauth.flow.HeadlessAgent;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client identity model the CLI and the desktop share: flow options, protocol version, the saved form. */
class ClientIdentityTest {

    private static final ClientIdentity FULL = new ClientIdentity("cid", "secret", null, false, "a b", "localhost", 8765,
            "/oauth/cb", "client_secret_post", "2026-07-28");

    @Test
    void flowOptionsCarryEveryChoice() {
        FlowOptions options = FULL.flowOptions(new HeadlessAgent(), Duration.ofSeconds(3));
        assertThat(options.clientId()).isEqualTo("cid");
        assertThat(options.clientSecret()).isEqualTo("secret");
        assertThat(options.scope()).isEqualTo("a b");
        assertThat(options.callbackHost()).isEqualTo("localhost");
        assertThat(options.callbackPort()).isEqualTo(8765);
        assertThat(options.callbackPath()).isEqualTo("/oauth/cb");
        assertThat(options.tokenAuthMethod()).isEqualTo("client_secret_post");
        assertThat(options.callbackTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(FULL.applyTo(ConnectOptions.defaults()).protocolVersion()).isEqualTo("2026-07-28");
        assertThat(FULL.statelessLifecycle()).isTrue();
        assertThat(ClientIdentity.automatic().applyTo(ConnectOptions.defaults()).protocolVersion())
                .isEqualTo(ConnectOptions.LATEST_PROTOCOL_VERSION);
    }

    @Test
    void refusesWhatTheFlowCannotUse() {
        assertThatThrownBy(() -> new ClientIdentity(null, null, null, false, null, null, 0, null, null, "2024-11-05"))
                .hasMessageContaining("protocol version");
        assertThatThrownBy(() -> new ClientIdentity(null, null, null, false, null, "example.com", 0, null, null, null)
                .flowOptions(new HeadlessAgent(), Duration.ofSeconds(1))).hasMessageContaining("callback host");
        assertThatThrownBy(() -> new ClientIdentity(null, null, null, false, null, null, 0, "/a/../b", null, null)
                .flowOptions(new HeadlessAgent(), Duration.ofSeconds(1))).hasMessageContaining("callback path");
        assertThatThrownBy(() -> new ClientIdentity(null, null, null, false, null, null, 0, null, "private_key_jwt_typo", null)
                .flowOptions(new HeadlessAgent(), Duration.ofSeconds(1))).hasMessageContaining("token endpoint");
    }

    @Test
    void savedInTheProfileWithTheSecretApartAndOtherExtensionsKept() {
        ConnectionProfile profile = ConnectionProfile.of("p", new ServerTarget.StreamableHttp(URI.create("https://x/mcp"), Map.of()))
                .withExtension("pins", JsonNodeFactory.instance.textNode("kept"));
        ConnectionProfile saved = ClientIdentityProfiles.write(profile, FULL);
        assertThat(saved.extensions().get("oauth").get("clientSecret").asText()).isEqualTo("secret");
        assertThat(FULL.toJson().has("clientSecret")).isFalse();
        assertThat(saved.extensions().get("pins").asText()).isEqualTo("kept");
        assertThat(ClientIdentityProfiles.read(saved)).contains(FULL);
        assertThat(ClientIdentityProfiles.read(profile)).isEmpty();
    }
}
