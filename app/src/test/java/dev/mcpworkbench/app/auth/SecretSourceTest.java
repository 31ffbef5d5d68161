package dev.mcpworkbench.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSourceTest {

    @Test
    void aFileIsReadAtEachUseSoARotatedTokenIsSeen(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "first\n");
        SecretSource source = SecretSource.parse("file:" + file);
        assertThat(source.get()).isEqualTo("first");
        Files.writeString(file, "second");
        assertThat(source.get()).isEqualTo("second");
        assertThat(source.toString()).isEqualTo("file:" + file);
    }

    @Test
    void anEnvironmentVariableMustBeSetAndALiteralTokenIsRefused() {
        assertThat(SecretSource.parse("env:T", Map.of("T", " jwt ")::get).get()).isEqualTo("jwt");
        assertThatThrownBy(() -> SecretSource.parse("env:MISSING", Map.<String, String>of()::get).get()).hasMessageContaining("not set");
        assertThatThrownBy(() -> SecretSource.parse("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.sig"))
                .hasMessageContaining("file:PATH or env:NAME").hasMessageNotContaining("eyJzdWIi");
    }
}
