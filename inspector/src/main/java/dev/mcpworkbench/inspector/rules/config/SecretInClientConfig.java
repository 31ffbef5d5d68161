package dev.mcpworkbench.inspector.rules.config;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.schema.SchemaWalk;
import dev.mcpworkbench.inspector.rules.text.SecretPatterns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CONFIG-001: credentials written literally into an MCP client configuration file. */
public final class SecretInClientConfig implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("CONFIG-001", "Secret literal in a client config", Category.CONFIG,
            Severity.HIGH, List.of("MCP01"),
            "Client config files are synced, shared in screenshots, committed to dotfile repos and read by other tools (and by poisoned servers asking for mcp.json); a literal token there leaks.");

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        ConnectionTarget target = s.context().target();
        if (target == null || target.configFile() == null) return List.of();
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, String> e : target.env().entrySet()) {
            secrets(out, target, "/env/" + SchemaWalk.escape(e.getKey()), e.getKey(), e.getValue(), "environment variable");
        }
        for (Map.Entry<String, String> e : target.headers().entrySet()) {
            secrets(out, target, "/headers/" + SchemaWalk.escape(e.getKey()), e.getKey(), e.getValue(), "header");
        }
        for (int i = 0; i < target.args().size(); i++) {
            for (SecretPatterns.SecretMatch m : SecretPatterns.find(target.args().get(i))) {
                out.add(finding(target, "/args/" + i, m, "argument " + i));
            }
        }
        if (target.url() != null) {
            for (SecretPatterns.SecretMatch m : SecretPatterns.find(target.url())) out.add(finding(target, "/url", m, "URL"));
        }
        return out;
    }

    private static void secrets(List<Finding> out, ConnectionTarget target, String pointer, String name, String value, String what) {
        for (SecretPatterns.SecretMatch m : SecretPatterns.findInNamedValue(name, value)) {
            out.add(finding(target, pointer, m, what + " " + name));
        }
    }

    private static Finding finding(ConnectionTarget target, String pointer, SecretPatterns.SecretMatch m, String where) {
        return RuleSupport.finding(META, Severity.HIGH,
                "A " + m.kind() + " is written literally in the " + where + " of '" + target.name() + "' in " + target.configFile(),
                new Location(Location.Kind.CONFIG, target.name(), pointer), m.redacted(),
                "Rotate the secret, then reference it instead of writing it: VS Code inputs (${input:token}), an environment variable set outside the file, or the OS keychain; prefer OAuth for remote servers.");
    }
}
