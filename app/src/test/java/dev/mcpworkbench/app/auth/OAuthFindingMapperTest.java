package dev.mcpworkbench.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.rules.catalog.AllRules;
import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.flow.StepKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OAuthFindingMapperTest {

    @Test
    void verdictsMapToTheCatalogsSeverityAndTheRuleBringsFixAndLinks() {
        List<Finding> findings = OAuthFindingMapper.toFindings(List.of(
                OAuthFinding.fail("OAUTH-015", StepKind.AUTHORIZATION_SERVER_METADATA, "no S256", "[\"plain\"]"),
                OAuthFinding.warn("OAUTH-015", StepKind.AUTHORIZATION_SERVER_METADATA, "plain allowed", ""),
                OAuthFinding.info("OAUTH-019", StepKind.AUTHORIZATION_SERVER_METADATA, "DCR only", "")));

        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.HIGH, Severity.MEDIUM, Severity.INFO);
        Finding fail = findings.get(0);
        assertThat(fail.location()).isEqualTo(new Location(Location.Kind.AUTHORIZATION, "Authorization server metadata", ""));
        assertThat(fail.fix()).contains("S256");
        assertThat(fail.links()).first().asString().endsWith("docs/rules/OAUTH-015.md");
        assertThat(fail.evidence()).isEqualTo("[\"plain\"]");
    }

    @Test
    void anIdTheCatalogDoesNotKnowStillBecomesAFinding() {
        Finding f = OAuthFindingMapper.toFinding(OAuthFinding.fail("OAUTH-999", null, "new check", ""));
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.links()).isEmpty();
    }

    /** The id string is the only link between oauth-helper and the catalog: every id the flow emits is declared. */
    @Test
    void everyIdTheFlowEmitsIsARuleOfTheCatalog() throws IOException {
        Path sources = Path.of(System.getProperty("workbench.root", "..")).resolve("oauth-helper/src/main/java");
        Pattern id = Pattern.compile("\"(OAUTH-\\d{3})\"");
        Set<String> emitted = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = id.matcher(Files.readString(file));
                while (m.find()) emitted.add(m.group(1));
            }
        }
        assertThat(emitted).hasSizeGreaterThan(10);
        assertThat(emitted).allSatisfy(e -> assertThat(AllRules.byId(e)).as(e).isPresent());
    }
}
