package dev.mcpworkbench.inspector.report;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
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
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            write(result, toolVersion, artifact, out);
        } catch (IOException e) {
            throw new IllegalStateException("SARIF serialization failed", e);
        }
        return out.toString();
    }

    /**
     * Streams the report: one result at a time goes from a small tree to {@code out}, so a scan of
     * 200,000 tools costs the memory of its findings, not of a second copy of them as one JSON
     * tree and a third as one string. Same document as {@link #toJson}.
     */
    public static void write(ScanResult result, String toolVersion, SarifArtifact artifact, Writer out) throws IOException {
        try (JsonGenerator g = MAPPER.writer().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartObject();
            g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            Map<String, RuleMetadata> rules = ReportSupport.rules(result);
            Map<String, Integer> ids = ruleIndexes(rules);
            g.writeFieldName("tool");
            g.writeTree(tool(toolVersion, rules));
            g.writeArrayFieldStart("results");
            Map<Finding, String> servers = ReportSupport.serverOf(result);
            for (Finding f : result.findings()) g.writeTree(result(f, ids, artifact, null, servers));
            for (SuppressedFinding sf : result.suppressed()) g.writeTree(result(sf.finding(), ids, artifact, sf.suppression(), servers));
            g.writeEndArray();
            if (!result.errors().isEmpty()) {
                g.writeFieldName("invocations");
                g.writeTree(invocations(result));
            }
            g.writeFieldName("properties");
            g.writeTree(properties(result));
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
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
        Map<String, RuleMetadata> rules = ReportSupport.rules(result);
        Map<String, Integer> ids = ruleIndexes(rules);
        run.set("tool", tool(toolVersion, rules));
        ArrayNode results = run.putArray("results");
        Map<Finding, String> servers = ReportSupport.serverOf(result);
        for (Finding f : result.findings()) results.add(result(f, ids, artifact, null, servers));
        for (SuppressedFinding s : result.suppressed()) results.add(result(s.finding(), ids, artifact, s.suppression(), servers));
        if (!result.errors().isEmpty()) run.set("invocations", invocations(result));
        run.set("properties", properties(result));
        return root;
    }

    private static Map<String, Integer> ruleIndexes(Map<String, RuleMetadata> rules) {
        Map<String, Integer> ids = new HashMap<>();
        for (String id : rules.keySet()) ids.putIfAbsent(id, ids.size());
        return ids;
    }

    private static ObjectNode tool(String toolVersion, Map<String, RuleMetadata> rules) {
        ObjectNode tool = MAPPER.createObjectNode();
        ObjectNode driver = tool.putObject("driver");
        driver.put("name", "MCP Workbench");
        driver.put("version", toolVersion == null || toolVersion.isBlank() ? "dev" : toolVersion);
        driver.put("informationUri", RuleDocs.base());
        ArrayNode ruleArray = driver.putArray("rules");
        for (RuleMetadata m : rules.values()) ruleArray.add(rule(m));
        return tool;
    }

    /** What could not be scanned (a list the server failed to answer, a rule that broke) is part of the record. */
    private static ArrayNode invocations(ScanResult result) {
        ArrayNode invocations = MAPPER.createArrayNode();
        ObjectNode invocation = invocations.addObject().put("executionSuccessful", true);
        ArrayNode notes = invocation.putArray("toolExecutionNotifications");
        for (String error : result.errors()) notes.addObject().put("level", "warning").putObject("message").put("text", error);
        return invocations;
    }

    private static ObjectNode properties(ScanResult result) {
        ObjectNode props = MAPPER.createObjectNode();
        props.put("server", result.summary().serverName());
        props.put("serverVersion", result.summary().serverVersion());
        props.put("toolCount", result.summary().toolCount());
        props.put("toolListTokens", result.summary().toolListTokens());
        return props;
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

    /** @param servers in a report of several servers, the server each finding is on (see {@link ReportSupport#serverOf}) */
    private static ObjectNode result(Finding f, Map<String, Integer> ruleIds, SarifArtifact artifact, Suppression suppression,
                                     Map<Finding, String> servers) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("ruleId", f.ruleId());
        Integer index = ruleIds.get(f.ruleId());
        if (index != null) r.put("ruleIndex", index);
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
        if (!servers.isEmpty()) {
            // one run holds every server: each result says whose it is, and whether it needed the others to be seen
            String server = servers.get(f);
            if (server != null && f.scope() != Finding.Scope.WORKSPACE) props.put("server", server);
            props.put("scope", ReportSupport.scope(f));
        }
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
