package dev.mcpworkbench.inspector.traffic;

import static dev.mcpworkbench.inspector.traffic.SecretMasker.MASK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    private final SecretMasker masker = SecretMasker.MASKING;

    @Test
    void masksSecretHeadersKeepingTheScheme() {
        Map<String, List<String>> masked = masker.headers(Map.of(
                "Authorization", List.of("Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig"),
                "X-API-Key", List.of("abc123"),
                "Cookie", List.of("session=xyz"),
                "Content-Type", List.of("application/json"),
                "Mcp-Session-Id", List.of("5f0c-session")));
        assertThat(masked.get("authorization")).containsExactly("Bearer " + MASK);
        assertThat(masked.get("X-API-Key")).containsExactly(MASK);
        assertThat(masked.get("Cookie")).containsExactly(MASK);
        assertThat(masked.get("Content-Type")).containsExactly("application/json");
        assertThat(masked.get("Mcp-Session-Id")).containsExactly("5f0c-session");
    }

    @Test
    void masksEnvironmentValuesNamedLikeSecrets() {
        Map<String, String> env = masker.env(Map.of(
                "GITHUB_TOKEN", "ghp_123", "OPENAI_API_KEY", "sk-1", "DB_PASSWORD", "hunter2",
                "CLIENT_SECRET", "s", "AWS_ACCESS_KEY_ID", "AKIA", "PATH", "/usr/bin", "HOME", "/home/me", "AUTHOR", "Ada"));
        assertThat(env).containsEntry("GITHUB_TOKEN", MASK).containsEntry("OPENAI_API_KEY", MASK)
                .containsEntry("DB_PASSWORD", MASK).containsEntry("CLIENT_SECRET", MASK).containsEntry("AWS_ACCESS_KEY_ID", MASK)
                .containsEntry("PATH", "/usr/bin").containsEntry("HOME", "/home/me").containsEntry("AUTHOR", "Ada");
    }

    @Test
    void masksSecretsInsideText() {
        assertThat(masker.text("curl -H 'Authorization: Bearer abcdefghijkl' x")).isEqualTo("curl -H 'Authorization: Bearer " + MASK + "' x");
        assertThat(masker.text("{\"access_token\":\"eyJ.abc\",\"token_type\":\"Bearer\"}"))
                .isEqualTo("{\"access_token\":\"" + MASK + "\",\"token_type\":\"Bearer\"}");
        assertThat(masker.text("server --api-key=sk-123 --port 80")).isEqualTo("server --api-key=" + MASK + " --port 80");
        assertThat(masker.text("server --token sk-123")).isEqualTo("server --token " + MASK);
        assertThat(masker.text("https://x.test/mcp?api_key=abc&q=1")).isEqualTo("https://x.test/mcp?api_key=" + MASK + "&q=1");
        assertThat(masker.text("The token expires soon")).isEqualTo("The token expires soon");
    }

    @Test
    void masksThePasswordOfAUrl() {
        // a database URL on a stdio server's command line becomes a snapshot's source
        assertThat(masker.text("node dist/index.js postgresql://app:s3cr3t@db.internal:5432/x"))
                .isEqualTo("node dist/index.js postgresql://app:" + MASK + "@db.internal:5432/x");
        assertThat(masker.text("redis://:pw%40x@127.0.0.1:6379")).isEqualTo("redis://:" + MASK + "@127.0.0.1:6379");
        assertThat(masker.text("see https://user@host/a and http://host:8080/a@b"))
                .isEqualTo("see https://user@host/a and http://host:8080/a@b");
    }

    @Test
    void masksHeaderLinesAboveABody() {
        String text = "POST http://127.0.0.1/mcp\nAuthorization: Bearer abc.def.ghi\nX-Api-Key: k-123456\nAccept: application/json\n"
                + "Mcp-Session-Id: 1234-5678\n\n{\"access_token\":\"s3cr3t-token\",\"name\":\"visible\"}";
        assertThat(masker.text(text)).doesNotContain("abc.def.ghi", "k-123456", "s3cr3t-token")
                .contains("Authorization: Bearer " + MASK, "X-Api-Key: " + MASK, "Accept: application/json",
                        "Mcp-Session-Id: 1234-5678", "\"name\":\"visible\"");
    }

    @Test
    void revealingShowsEverything() {
        SecretMasker reveal = SecretMasker.of(true);
        assertThat(reveal.isMasking()).isFalse();
        assertThat(reveal.value("Authorization", "Bearer x")).isEqualTo("Bearer x");
        assertThat(reveal.text("--token=abc")).isEqualTo("--token=abc");
    }

    @Test
    void masksHttpInfo() {
        HttpInfo info = new HttpInfo("POST", "https://h.test/mcp?token=abc", Map.of("Authorization", List.of("Bearer tok12345678")),
                401, Map.of("WWW-Authenticate", List.of("Bearer resource_metadata=\"https://h.test/.well-known\"")));
        HttpInfo masked = masker.http(info);
        assertThat(masked.url()).isEqualTo("https://h.test/mcp?token=" + MASK);
        assertThat(masked.requestHeaders().get("Authorization")).containsExactly("Bearer " + MASK);
        assertThat(masked.responseHeader("WWW-Authenticate")).contains("resource_metadata");
    }
}
