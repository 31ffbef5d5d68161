package dev.mcpworkbench.inspector.rules.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.*;
import java.util.ArrayList;
import java.util.List;

/** SCHEMA-002: objects that accept properties nobody declared. */
public final class OpenObject implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("SCHEMA-002", "Open object", Category.SCHEMA,
            Severity.MEDIUM, List.of("MCP05"),
            "Without additionalProperties: false, a model can send fields the author never considered, and servers that spread arguments into calls pass them on.");

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
            if (tool.parameters().isEmpty()) continue; // a tool without parameters has nothing to smuggle extras next to
            List<String> open = new ArrayList<>();
            for (SchemaNode n : tool.inputWalk().nodes()) {
                if (n.role() == SchemaNode.Role.DEFINITION || n.role() == SchemaNode.Role.COMBINATOR) continue;
                if (n.isObjectSchema() && isOpen(n.schema())) open.add(n.pointer().isEmpty() ? "/" : n.pointer());
            }
            if (open.isEmpty()) continue;
            out.add(RuleSupport.finding(META, Severity.MEDIUM,
                    open.size() + (open.size() == 1 ? " object" : " objects") + " in the input schema of '" + tool.name() + "' allow undeclared properties",
                    tool.location(open.get(0)), RuleSupport.list(open, 8),
                    "Add \"additionalProperties\": false to every object schema (with Zod: .strict(); with Pydantic: extra='forbid')."));
        }
        return out;
    }

    private static boolean isOpen(JsonNode schema) {
        JsonNode ap = schema.get("additionalProperties");
        if (ap == null) return !schema.path("unevaluatedProperties").isBoolean() || schema.get("unevaluatedProperties").booleanValue();
        return !(ap.isBoolean() && !ap.booleanValue());
    }
}
