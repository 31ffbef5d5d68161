package dev.mcpworkbench.inspector.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CONFIG-001 on literals no entropy check can judge: a short bearer token, a password in a database URL. */
class SecretInClientConfigTest {

    @Test
    void aLiteralBearerHeaderAndAPasswordInADatabaseUrlAreSecrets() throws Exception {
        String config = """
                {"mcpServers": {
                  "db": {"command": "npx", "args": ["-y", "db-mcp@1.0.0", "mysql://root:hunter2@db.internal/app"],
                         "env": {"DATABASE_URL": "postgresql://app:letmein@db.internal:5432/app"}},
                  "remote": {"url": "https://mcp.example.test/mcp", "headers": {"Authorization": "Bearer team-token-2024"}},
                  "refs": {"url": "https://mcp.example.test/mcp", "headers": {"Authorization": "Bearer ${input:token}"},
                           "env": {"DATABASE_URL": "postgresql://app:${DB_PASSWORD}@db/app", "PLAIN": "postgresql://db.internal/app"}}
                }}
                """;
        List<ScanResult> results = ConfigScanner.scan(ClientConfigImporter.importJson(config, "mcp.json"), ScanContext.defaults());
        assertThat(results.get(0).findingsOf("CONFIG-001")).extracting(f -> f.location().jsonPointer())
                .containsExactlyInAnyOrder("/args/2", "/env/DATABASE_URL");
        assertThat(results.get(0).findingsOf("CONFIG-001")).extracting(Finding::message)
                .allMatch(m -> m.startsWith("A password in a URL is written literally"));
        assertThat(results.get(1).findingsOf("CONFIG-001")).extracting(f -> f.location().jsonPointer())
                .containsExactly("/headers/Authorization");
        assertThat(results.get(2).findingsOf("CONFIG-001")).as("references are what to write").isEmpty();
        for (ScanResult r : results) {
            for (Finding f : r.findings()) {
                assertThat(f.evidence() + f.message() + f.location().name()).doesNotContain("hunter2", "letmein", "team-token-2024");
            }
        }
    }
}
