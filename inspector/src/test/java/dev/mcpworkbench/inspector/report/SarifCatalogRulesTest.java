package dev.mcpworkbench.inspector.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings of rules that did not run in the static scan (dynamic, OAUTH) still get full rule entries. */
class SarifCatalogRulesTest {

    @Test
    void oauthAndDynamicFindingsGetRuleEntriesFromTheCatalog() throws Exception {
        ScanResult scan = ReportTest.filesystemWithOneSuppressed();
        List<Finding> findings = new ArrayList<>(scan.findings());
        findings.add(new Finding("OAUTH-015", Severity.HIGH, "no S256",
                new Location(Location.Kind.AUTHORIZATION, "Authorization server metadata", ""), "", "", List.of()));
        findings.add(new Finding("OUTPUT-004", Severity.CRITICAL, "a key",
                new Location(Location.Kind.TOOL_RESULT, "get-env", ""), "", "", List.of()));
        ScanResult merged = new ScanResult(findings, scan.suppressed(), scan.summary(), scan.rules(), scan.errors());

        JsonNode run = SarifReport.MAPPER.readTree(SarifReport.render(merged, "1")).path("runs").get(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(rules.size()).isEqualTo(dev.mcpworkbench.inspector.rules.catalog.StaticRules.all().size() + 2);
        JsonNode oauth = ruleNamed(rules, "OAUTH-015");
        assertThat(oauth.path("shortDescription").path("text").asText()).isEqualTo("PKCE not advertised");
        assertThat(oauth.path("helpUri").asText()).endsWith("docs/rules/OAUTH-015.md");
        assertThat(oauth.path("properties").path("tags").toString()).contains("oauth", "MCP07");
        assertThat(ruleNamed(rules, "OUTPUT-004").path("helpUri").asText()).endsWith("docs/rules/OUTPUT-004.md");
        for (JsonNode result : run.path("results")) {
            assertThat(result.has("ruleIndex")).as(result.path("ruleId").asText()).isTrue();
            assertThat(rules.get(result.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(result.path("ruleId").asText());
        }
    }

    private static JsonNode ruleNamed(JsonNode rules, String id) {
        for (JsonNode r : rules) if (r.path("id").asText().equals(id)) return r;
        throw new AssertionError("no rule entry " + id);
    }
}
