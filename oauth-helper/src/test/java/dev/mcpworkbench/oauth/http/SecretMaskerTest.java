package dev.mcpworkbench.oauth.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void masksTokensSecretsAndCodesInEveryPlaceTheyAppear() {
        HttpExchange exchange = new HttpExchange("POST", URI.create("http://127.0.0.1/cb?code=SECRETCODE&state=abc"),
                Map.of("Authorization", List.of("Basic Y2xpZW50OnNlY3JldA==")),
                "grant_type=authorization_code&code=SECRETCODE&code_verifier=VERIFIER123&client_secret=SHH",
                200, Map.of("Content-Type", List.of("application/json")),
                "{\"access_token\":\"eyJ.TOKEN.sig\",\"refresh_token\":\"R3FR3SH\",\"token_type\":\"Bearer\"}",
                Instant.now(), Duration.ofMillis(3), null);
        String masked = exchange.render(false);
        assertThat(masked).doesNotContain("SECRETCODE", "VERIFIER123", "SHH", "eyJ.TOKEN.sig", "R3FR3SH", "Y2xpZW50OnNlY3JldA==")
                .contains("state=abc", "token_type", "Basic ****");
        String revealed = exchange.render(true);
        assertThat(revealed).contains("SECRETCODE", "eyJ.TOKEN.sig", "R3FR3SH");
        assertThat(exchange.toString()).doesNotContain("SECRETCODE");
    }
}
