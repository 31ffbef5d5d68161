package dev.mcpworkbench.app.ui.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskTest {

    @Test
    void headersTokensAndSecretFieldsAreMasked() {
        String text = "POST http://127.0.0.1/mcp\nAuthorization: Bearer abc.def.ghi\nMcp-Session-Id: 1234-5678\nAccept: application/json\n"
                + "{\"access_token\":\"s3cr3t-token\",\"name\":\"visible\"}";
        String masked = SecretMask.mask(text);
        assertThat(masked).doesNotContain("abc.def.ghi", "1234-5678", "s3cr3t-token")
                .contains("Accept: application/json", "\"name\":\"visible\"", "Authorization: ••••••");
    }

    @Test
    void bearerTokensInFreeTextAreMasked() {
        assertThat(SecretMask.mask("curl -H 'authorization: bearer eyJhbGciOiJIUzI1NiJ9.x.y'"))
                .doesNotContain("eyJhbGciOiJIUzI1NiJ9");
    }
}
