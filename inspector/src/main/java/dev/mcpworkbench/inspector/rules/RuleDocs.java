package dev.mcpworkbench.inspector.rules;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where a rule's documentation lives, for reports (SARIF helpUri) and findings' links. */
public final class RuleDocs {

    /** Base of the published docs; override with -Dworkbench.docsBaseUrl=... for a fork or mirror. */
    public static final String DEFAULT_BASE = "https://github.com/mcp-workbench/mcp-workbench/blob/main/";

    private static final Map<String, String> OWASP_TITLES = Map.of(
            "MCP01", "Token mismanagement and secret exposure",
            "MCP02", "Privilege escalation via scope creep",
            "MCP03", "Tool poisoning",
            "MCP04", "Supply chain attacks",
            "MCP05", "Command injection and execution",
            "MCP06", "Intent flow subversion",
            "MCP07", "Insufficient authentication and authorization",
            "MCP08", "Lack of audit and telemetry",
            "MCP09", "Shadow MCP servers",
            "MCP10", "Context injection and over-sharing");

    private RuleDocs() {
    }

    public static String base() {
        String base = System.getProperty("workbench.docsBaseUrl", DEFAULT_BASE);
        return base.endsWith("/") ? base : base + "/";
    }

    public static String helpUri(RuleMetadata meta) {
        return base() + meta.docPath();
    }

    public static String owaspUri() {
        return "https://owasp.org/www-project-mcp-top-10/";
    }

    public static String owaspTitle(String id) {
        return OWASP_TITLES.getOrDefault(id, id);
    }

    /** Default links of a finding: the rule page, then the OWASP MCP Top 10. */
    public static List<String> links(RuleMetadata meta) {
        // every finding carries them: built once per rule (and docs base), not once per finding
        String base = base();
        Links cached = LINKS.get(meta.id());
        if (cached != null && cached.base().equals(base)) return cached.links();
        List<String> links = List.of(base + meta.docPath(), owaspUri());
        LINKS.put(meta.id(), new Links(base, links));
        return links;
    }

    private record Links(String base, List<String> links) {
    }

    private static final Map<String, Links> LINKS = new ConcurrentHashMap<>();
}
