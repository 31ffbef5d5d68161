package dev.mcpworkbench.inspector.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.RuleDocs;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.rules.SuppressedFinding;
import dev.mcpworkbench.inspector.rules.suppress.Suppression;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, the rules with help links and
 * security-severity, results with logical locations (tool/resource/prompt) and, because code
 * scanning needs a file, a physical location on the scanned snapshot or configuration.
 */
public final class SarifReport {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {
    }

    public static String render(ScanResult result, String toolVersion) {
        return render(result, toolVersion, SarifArtifact.placeholder(result.summary().serverName()));
    }

    public static String render(ScanResult result, String toolVersion, SarifArtifact artifact) {
        try {
            return MAPPER.writeValueAsString(toJson(result, toolVersion, artifact));
        } catch (Exception e) {
            throw new IllegalStateException("SARIF serialization failed", e);
        }
    }

    public static ObjectNode toJson(ScanResult result, String toolVersion) {
        return toJson(result, toolVersion, SarifArtifact.placeholder(result.summary().serverName()));
    }

    public static ObjectNode toJson(ScanResult result, String toolVersion, SarifArtifact artifact) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "MCP Workbench");
        driver.put("version", toolVersion == null || toolVersion.isBlank() ? "dev" : toolVersion);
        driver.put("informationUri", RuleDocs.base());
        Map<String, RuleMetadata> rules = ReportSupport.rules(result);
        List<String> ids = new ArrayList<>(rules.keySet());
        ArrayNode ruleArray = driver.putArray("rules");
        for (RuleMetadata m : rules.values()) ruleArray.add(rule(m));
        ArrayNode results = run.putArray("results");
        for (Finding f : result.findings()) results.add(result(f, ids, artifact, null));
        for (SuppressedFinding s : result.suppressed()) results.add(result(s.finding(), ids, artifact, s.suppression()));
        if (!result.errors().isEmpty()) {
            // what could not be scanned (a list the server failed to answer, a rule that broke) is part of the record
            ObjectNode invocation = run.putArray("invocations").addObject().put("executionSuccessful", true);
            ArrayNode notes = invocation.putArray("toolExecutionNotifications");
            for (String error : result.errors()) notes.addObject().put("level", "warning").putObject("message").put("text", error);
        }
        ObjectNode props = run.putObject("properties");
        props.put("server", result.summary().serverName());
        props.put("serverVersion", result.summary().serverVersion());
        props.put("toolCount", result.summary().toolCount());
        props.put("toolListTokens", result.summary().toolListTokens());
        return root;
    }

    private static ObjectNode rule(RuleMetadata m) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("id", m.id());
        r.put("name", pascal(m.title()));
        r.putObject("shortDescription").put("text", m.title());
        r.putObject("fullDescription").put("text", m.rationale());
        r.put("helpUri", RuleDocs.helpUri(m));
        r.putObject("help").put("text", m.rationale() + " See " + RuleDocs.helpUri(m));
        r.putObject("defaultConfiguration").put("level", m.defaultSeverity().sarifLevel());
        ObjectNode props = r.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        tags.add(m.category().name().toLowerCase(Locale.ROOT));
        m.owaspIds().forEach(tags::add);
        props.put("security-severity", String.format(Locale.ROOT, "%.1f", m.defaultSeverity().securitySeverity()));
        props.put("precision", m.defaultSeverity().atLeast(Severity.HIGH) ? "high" : "medium");
        return r;
    }

    private static ObjectNode result(Finding f, List<String> ruleIds, SarifArtifact artifact, Suppression suppression) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("ruleId", f.ruleId());
        int index = ruleIds.indexOf(f.ruleId());
        if (index >= 0) r.put("ruleIndex", index);
        r.put("level", f.severity().sarifLevel());
        r.putObject("message").put("text", f.message() + (f.fix().isEmpty() ? "" : " Fix: " + f.fix()));
        ObjectNode loc = r.putArray("locations").addObject();
        ObjectNode physical = loc.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", artifact.uri());
        physical.putObject("region").put("startLine", artifact.lineOf(f.location()));
        ObjectNode logical = loc.putArray("logicalLocations").addObject();
        Location l = f.location();
        String name = l.name().isEmpty() ? l.kind().name().toLowerCase(Locale.ROOT) : l.name();
        logical.put("name", name);
        logical.put("fullyQualifiedName", l.kind().name().toLowerCase(Locale.ROOT) + ":" + name + l.jsonPointer());
        logical.put("kind", logicalKind(l.kind()));
        r.putObject("partialFingerprints").put("mcpWorkbenchFinding/v1", sha256(f.fingerprint()));
        ObjectNode props = r.putObject("properties");
        props.put("severity", f.severity().label());
        props.put("security-severity", String.format(Locale.ROOT, "%.1f", f.severity().securitySeverity()));
        props.put("jsonPointer", l.jsonPointer());
        props.put("locationKind", l.kind().name().toLowerCase(Locale.ROOT));
        props.put("evidence", f.evidence());
        props.put("fix", f.fix());
        if (suppression != null) {
            ObjectNode s = r.putArray("suppressions").addObject();
            s.put("kind", "external");
            s.put("status", "accepted");
            s.put("justification", suppression.reason());
        }
        return r;
    }

    private static String logicalKind(Location.Kind kind) {
        return switch (kind) {
            case TOOL -> "function";
            case RESOURCE, RESOURCE_TEMPLATE -> "resource";
            case PROMPT -> "member";
            case SERVER, INSTRUCTIONS, TRANSPORT, AUTHORIZATION -> "module";
            case CONFIG -> "object";
            case TOOL_RESULT -> "returnValue";
        };
    }

    /** A relative, file-like URI for the scanned server, as code scanning requires an artifact. */
    static String artifactUri(String serverName) {
        String safe = serverName == null || serverName.isBlank() ? "server" : serverName.replaceAll("[^A-Za-z0-9._-]+", "-");
        if (safe.endsWith(".json")) return safe;
        return "mcp/" + safe + ".json";
    }

    private static String pascal(String title) {
        StringBuilder b = new StringBuilder();
        for (String w : title.split("[^A-Za-z0-9]+")) {
            if (w.isEmpty()) continue;
            b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return b.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
