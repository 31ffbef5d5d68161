package dev.mcpworkbench.inspector.rules.schema;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.surface.UrlsAndPaths;
import dev.mcpworkbench.inspector.rules.text.Identifiers;
import dev.mcpworkbench.inspector.rules.text.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SCHEMA-005: URLs and paths that can point anywhere (SSRF, path traversal, file:// reads). */
public final class UnrestrictedUrlOrPath implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("SCHEMA-005", "Unrestricted URL or path", Category.SCHEMA,
            Severity.MEDIUM, List.of("MCP05"),
            "A URL or path the model chooses freely reaches internal hosts, cloud metadata endpoints, ../ traversal or file:// targets unless the schema and the server both restrict it.");

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([+#./;?&]?)([^}]{1,200})}");
    private static final Set<String> URLISH = Set.of("url", "uri", "href", "path", "paths", "file", "filepath",
            "filename", "dir", "directory", "folder", "endpoint", "host", "location");

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public boolean judgesItemsAlone() {
        return true;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        List<Finding> out = new ArrayList<>();
        for (ToolView tool : s.tools()) {
            for (SchemaNode n : tool.inputWalk().nodes()) {
                boolean url = UrlsAndPaths.isUrl(n);
                if ((!url && !UrlsAndPaths.isPath(n)) || n.hasAllowlist()) continue;
                String what = url ? "URL" : "path";
                out.add(RuleSupport.finding(META, Severity.MEDIUM,
                        "'" + tool.name() + "' accepts any " + what + " in '" + n.ownerName() + "'",
                        tool.location(n.pointer()), n.ownerName() + ": " + JsonTextHolder.compact(n),
                        url ? "Add a pattern that allowlists schemes and hosts (e.g. ^https://api\\.example\\.com/), and re-check on the server after resolving redirects and DNS."
                            : "Add a pattern that confines the path (no '..', no leading '/' or '~'), and resolve and check it against the allowed roots on the server."));
            }
        }
        for (int i = 0; i < s.snapshot().resourceTemplates().size(); i++) {
            String template = Texts.textField(s.snapshot().resourceTemplates().get(i), "uriTemplate");
            Matcher m = TEMPLATE_VARIABLE.matcher(template);
            while (m.find()) {
                String operator = m.group(1);
                String variable = m.group(2).replace("*", "");
                boolean reserved = operator.equals("+") || operator.equals("#");
                boolean urlish = Identifiers.words(variable).stream().anyMatch(URLISH::contains);
                if (!reserved && !urlish) continue;
                out.add(RuleSupport.finding(META, Severity.MEDIUM,
                        "Resource template variable '" + variable + "' can hold any " + (reserved ? "reserved-expansion path" : "path or URL"),
                        new Location(Location.Kind.RESOURCE_TEMPLATE, template, "/uriTemplate"), template,
                        "Validate the variable on the server against an allowlist; avoid reserved expansion ({+var}) for user-chosen paths."));
            }
        }
        return out;
    }

    private static final class JsonTextHolder {
        static String compact(SchemaNode n) {
            return dev.mcpworkbench.inspector.rules.text.JsonText.compact(n.schema());
        }
    }
}
