package dev.mcpworkbench.oauth.flow;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each {@code with…} method changes its own components and keeps every other one. */
class FlowOptionsTest {

    private final FlowOptions base = new FlowOptions("id", "secret", "https://client.example/meta", "a b", 4711,
            Duration.ofSeconds(7), new HeadlessAgent(), "Tester", 3, true, false, "client_secret_post", "localhost",
            "/cb", AssertionOptions.NONE, false);

    @Test
    void eachWitherChangesOnlyItsComponents() {
        assertThat(base.withClient("other", null)).isEqualTo(new FlowOptions("other", null, base.clientMetadataUrl(),
                base.scope(), 4711, base.callbackTimeout(), base.agent(), "Tester", 3, true, false, "client_secret_post",
                "localhost", "/cb", AssertionOptions.NONE, false));
        assertThat(base.withScope("c")).isEqualTo(copyWith("c"));
        assertThat(base.withClientMetadataUrl(null).clientMetadataUrl()).isNull();
        assertThat(base.withServedClientMetadata(false).serveClientMetadata()).isFalse();
        assertThat(base.withClientCredentials(true).clientCredentials()).isTrue();
        assertThat(base.withTokenAuthMethod(null).tokenAuthMethod()).isNull();
        assertThat(base.withDPoP(true).dpop()).isTrue();
        FlowOptions callback = base.withCallback(null, null);
        assertThat(callback.callbackHost()).isEqualTo(FlowOptions.DEFAULT_CALLBACK_HOST);
        assertThat(callback.callbackPath()).isEqualTo(FlowOptions.DEFAULT_CALLBACK_PATH);
        assertThat(callback.withCallback("localhost", "/cb")).isEqualTo(base);
        assertThat(base.withDPoP(true).withDPoP(false)).isEqualTo(base);
        assertThat(base.withAssertions(null)).isEqualTo(base);
    }

    @Test
    void withersValidateLikeTheConstructor() {
        assertThatThrownBy(() -> base.withCallback("example.com", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withTokenAuthMethod("magic")).isInstanceOf(IllegalArgumentException.class);
    }

    private FlowOptions copyWith(String scope) {
        return new FlowOptions("id", "secret", "https://client.example/meta", scope, 4711, base.callbackTimeout(),
                base.agent(), "Tester", 3, true, false, "client_secret_post", "localhost", "/cb", AssertionOptions.NONE, false);
    }
}
