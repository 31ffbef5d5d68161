package dev.mcpworkbench.inspector.rules.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.mcpworkbench.inspector.payload.Payload;
import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * OUTPUT-002: structuredContent that fails the tool's outputSchema, carries fields the schema
 * does not declare, or is missing although an outputSchema is declared.
 */
public final class OffSchemaOutputRule implements DynamicRule {

    /** JSON pointers in error locations, so findings point into the payload tree. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));

    private static final RuleMetadata METADATA = new RuleMetadata("OUTPUT-002", "structuredContent off-schema", Category.OUTPUT,
            Severity.MEDIUM, List.of("MCP10"),
            "An outputSchema is a promise about what a tool returns; clients validate against it and reviewers read it "
                    + "to judge what data leaves the server. Undeclared fields leak past that review, invalid ones break clients.",
            true);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MAX_VALIDATED_BYTES = 32L * 1024 * 1024;

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(ToolExchange ex, RuleSettings settings) {
        JsonNode schema = ex.outputSchema();
        Payload p = ex.result();
        if (!schema.isObject() || p == null || !p.parsed() || p.isError()) return List.of();
        if (p.structuredContent() < 0) {
            return List.of(finding(ex, "", "declares an outputSchema but returned no structuredContent", ""));
        }
        if (p.message().bytes(p.structuredContent()) > MAX_VALIDATED_BYTES) return List.of();
        JsonNode content;
        try {
            content = MAPPER.readTree(p.message().rawText(p.structuredContent()));
        } catch (Exception e) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        validate(ex, schema, content, out);
        undeclared(ex, schema, content, "/structuredContent", out, 0);
        return out.size() > 20 ? out.subList(0, 20) : out;
    }

    private void validate(ToolExchange ex, JsonNode schema, JsonNode content, List<Finding> out) {
        try {
            Schema compiled = REGISTRY.getSchema(schema);
            for (Error m : compiled.validate(content)) {
                String at = m.getInstanceLocation() == null ? "" : m.getInstanceLocation().toString();
                out.add(finding(ex, "/structuredContent" + (at.equals("/") ? "" : at), "returned structuredContent that fails its outputSchema", m.getMessage()));
            }
        } catch (RuntimeException e) {
            out.add(finding(ex, "", "has an outputSchema the validator cannot compile", e.getMessage()));
        }
    }

    private void undeclared(ToolExchange ex, JsonNode schema, JsonNode value, String pointer, List<Finding> out, int depth) {
        if (depth > 64 || !schema.isObject()) return;
        JsonNode props = schema.get("properties");
        if (value.isObject() && props != null && props.isObject()) {
            boolean open = schema.path("additionalProperties").isObject() || schema.has("patternProperties");
            for (var it = value.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                String child = pointer + "/" + k.replace("~", "~0").replace("/", "~1");
                if (props.has(k)) undeclared(ex, props.get(k), value.get(k), child, out, depth + 1);
                else if (!open) out.add(finding(ex, child, "returned a field its outputSchema does not declare: \"" + k + "\"", k));
            }
        } else if (value.isArray() && schema.path("items").isObject()) {
            for (int i = 0; i < value.size() && i < 50; i++) undeclared(ex, schema.get("items"), value.get(i), pointer + "/" + i, out, depth + 1);
        }
    }

    private Finding finding(ToolExchange ex, String pointer, String what, String evidence) {
        return DynamicFindings.onResult(this, Severity.MEDIUM, ex.toolName(), pointer, ex.toolName() + " " + what, evidence,
                "Make structuredContent match outputSchema exactly: declare every field you return (with additionalProperties: false) or stop returning it.");
    }
}
