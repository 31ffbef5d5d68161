package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.payload.SensitiveHit;
import dev.mcpworkbench.inspector.payload.scan.SecretMatch;
import dev.mcpworkbench.inspector.payload.scan.SecretScanner;
import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.RuleSetting;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/** OUTPUT-004: a credential in a result, an error or the server's stderr. */
public final class SecretInOutputRule implements DynamicRule {

    private static final RuleMetadata METADATA = new RuleMetadata("OUTPUT-004", "Secret in output", Category.OUTPUT,
            Severity.CRITICAL, List.of("MCP01"),
            "Whatever a tool returns lands in the model's context, the client's logs and often a transcript shared "
                    + "with others. A credential there is exposed to every one of them and to any prompt injection that "
                    + "asks the model to repeat it.",
            true);

    private static final String FIX = "Never return credentials: filter environment dumps and config reads through an "
            + "allowlist, redact secrets in errors and logs, and rotate the exposed credential.";

    public static final RuleSetting MAX_FINDINGS = RuleSetting.of("maxFindings", 50, "findings reported per response at most");
    public static final RuleSetting MIN_ENTROPY = RuleSetting.of("minEntropy", 3.5, "Shannon entropy (bits per character) of a generic key=value secret");
    public static final RuleSetting MIN_LENGTH = RuleSetting.of("minLength", 16, "shortest generic secret value, in characters");

    @Override
    public List<RuleSetting> settings() {
        return List.of(MAX_FINDINGS, MIN_ENTROPY, MIN_LENGTH);
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(ToolExchange ex, RuleSettings settings) {
        int max = settings.integer(id(), MAX_FINDINGS);
        List<Finding> out = new ArrayList<>();
        if (ex.result() != null) {
            for (SensitiveHit hit : ex.result().secrets()) {
                if (!hit.kind().isSecret() || out.size() >= max) continue;
                out.add(finding(ex, hit.pointer(), hit.kind().label(), hit.masked(), hit.key()));
            }
        }
        SecretScanner scanner = new SecretScanner(settings.number(id(), MIN_ENTROPY), settings.integer(id(), MIN_LENGTH));
        if (ex.error() != null) {
            scanText(ex, scanner, ex.error().message() + "\n" + ex.error().data(), "/error", out, max);
        }
        scanText(ex, scanner, ex.stderr(), "/stderr", out, max);
        return out;
    }

    private void scanText(ToolExchange ex, SecretScanner scanner, String text, String pointer, List<Finding> out, int max) {
        for (SecretMatch m : scanner.scan(text)) {
            if (out.size() >= max) return;
            out.add(finding(ex, pointer, m.kind().label(), m.masked(), null));
        }
    }

    private Finding finding(ToolExchange ex, String pointer, String label, String masked, String key) {
        String where = key == null ? "" : " in field \"" + key + "\"";
        return DynamicFindings.onResult(this, Severity.CRITICAL, ex.toolName(), pointer,
                label + where + " returned by " + ex.toolName() + " (" + masked + ")", masked, FIX);
    }
}
