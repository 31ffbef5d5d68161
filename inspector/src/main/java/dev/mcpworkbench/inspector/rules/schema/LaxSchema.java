package dev.mcpworkbench.inspector.rules.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.text.Texts;
import dev.mcpworkbench.inspector.rules.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** SCHEMA-006: schemas that say little (no types, {}, string-or-anything unions, nothing required, too many knobs). */
public final class LaxSchema implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("SCHEMA-006", "Lax schema", Category.SCHEMA,
            Severity.LOW, List.of("MCP05"),
            "A schema that types nothing, accepts strings where booleans or numbers belong, or requires nothing leaves validation to hope; many parameters make mistakes likely.");

    private static final Set<String> TYPED_BY = Set.of("type", "enum", "const", "$ref", "anyOf", "oneOf", "allOf", "not");

    static final RuleSetting MEDIUM_PARAMS = RuleSetting.of("mediumParams", 15, "parameters above which the finding is Medium");
    static final RuleSetting INFO_PARAMS = RuleSetting.of("infoParams", 10, "parameters above which the finding is Info");

    @Override
    public List<RuleSetting> settings() {
        return List.of(MEDIUM_PARAMS, INFO_PARAMS);
    }

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
        int mediumParams = s.settings().integer(META.id(), MEDIUM_PARAMS);
        int infoParams = s.settings().integer(META.id(), INFO_PARAMS);
        for (ToolView tool : s.tools()) {
            JsonNode input = tool.inputSchema();
            if (!input.isObject()) {
                out.add(RuleSupport.finding(META, Severity.MEDIUM,
                        "'" + tool.name() + "' has " + (input.isMissingNode() ? "no inputSchema" : "an inputSchema that is not a JSON object"),
                        tool.location("/inputSchema"), input.isMissingNode() ? "(missing)" : input.getNodeType().toString().toLowerCase(),
                        "Declare an object schema: {\"type\": \"object\", \"properties\": {...}, \"required\": [...], \"additionalProperties\": false}."));
                continue;
            }
            if (tool.inputWalk().truncated()) {
                out.add(RuleSupport.finding(META, Severity.MEDIUM,
                        "The input schema of '" + tool.name() + "' nests deeper than " + SchemaWalk.MAX_DEPTH
                                + " levels or has more than " + SchemaWalk.MAX_NODES + " sub-schemas; the rest was not analysed",
                        tool.location("/inputSchema"), "depth ≥ " + tool.inputWalk().deepestDepth(),
                        "Flatten the schema; no tool argument needs this depth, and validators or clients may fail on it."));
            }
            List<String> problems = new ArrayList<>();
            String firstPointer = null;
            for (SchemaNode n : tool.inputWalk().nodes()) {
                String problem = problem(n);
                if (problem == null) continue;
                problems.add(n.ownerName() + ": " + problem);
                if (firstPointer == null) firstPointer = n.pointer();
            }
            if (hasOptionalWithoutDefault(tool) ) {
                problems.add("properties declared but none required");
                if (firstPointer == null) firstPointer = "/inputSchema";
            }
            if (!problems.isEmpty()) {
                out.add(RuleSupport.finding(META, Severity.LOW,
                        "The input schema of '" + tool.name() + "' is lax (" + problems.size() + (problems.size() == 1 ? " issue)" : " issues)"),
                        tool.location(problems.size() == 1 ? firstPointer : "/inputSchema"), RuleSupport.list(problems, 10),
                        "Give every property a single precise type, use boolean/number types without string fallbacks, and list required properties."));
            }
            int params = tool.parameters().size();
            if (params > infoParams) {
                Severity sev = params > mediumParams ? Severity.MEDIUM : Severity.INFO;
                out.add(RuleSupport.finding(META, sev, "'" + tool.name() + "' takes " + params + " parameters",
                        tool.location("/inputSchema/properties"), params + " parameters",
                        "Split the tool by purpose or group rarely used options; every parameter is a decision the model can get wrong."));
            }
        }
        return out;
    }

    private static String problem(SchemaNode n) {
        if (n.role() != SchemaNode.Role.PROPERTY && n.role() != SchemaNode.Role.ITEMS) return null;
        JsonNode schema = n.schema();
        if (schema.isBoolean()) return schema.booleanValue() ? "schema 'true' accepts anything" : null;
        if (!schema.isObject()) return "schema is not an object";
        if (schema.isEmpty()) return "empty schema {} accepts anything";
        boolean typed = false;
        for (String k : TYPED_BY) typed |= schema.has(k);
        if (!typed) return "no type";
        List<String> types = n.types();
        if (types.contains("string") && (types.contains("boolean") || types.contains("number") || types.contains("integer"))) {
            return "type " + types + " lets a string stand in for a " + (types.contains("boolean") ? "boolean" : "number");
        }
        if (stringInCombinator(schema)) return "anyOf/oneOf adds a string alternative to a boolean or number";
        return null;
    }

    private static boolean stringInCombinator(JsonNode schema) {
        for (String c : List.of("anyOf", "oneOf")) {
            JsonNode alts = schema.path(c);
            if (!alts.isArray()) continue;
            boolean string = false;
            boolean scalar = false;
            for (JsonNode alt : alts) {
                String t = alt.path("type").asText("");
                string |= t.equals("string") && !alt.has("enum") && !alt.has("const") && !alt.has("pattern");
                scalar |= t.equals("boolean") || t.equals("number") || t.equals("integer");
            }
            if (string && scalar) return true;
        }
        return false;
    }

    /** Properties exist, none is required, and at least one has no default to fall back on. */
    private static boolean hasOptionalWithoutDefault(ToolView tool) {
        JsonNode input = tool.inputSchema();
        if (input.has("required") && input.get("required").isArray() && !input.get("required").isEmpty()) return false;
        List<SchemaNode> params = tool.parameters();
        // an absent flag is false: optional booleans need no stated default
        return !params.isEmpty() && params.stream().anyMatch(p -> !p.has("default") && !p.hasType("boolean") && !saysWhenOmitted(p));
    }

    /**
     * A default or a filter stated in words ("Default: owned only", "Auto-generated if omitted",
     * "Filter by team name"): a list tool whose every parameter narrows or adjusts it means to
     * require nothing, and has not merely forgotten {@code required}.
     */
    private static boolean saysWhenOmitted(SchemaNode p) {
        String text = p.description();
        return !text.isEmpty() && Words.contains(Texts.normalize(text), WHEN_OMITTED);
    }

    private static final Pattern WHEN_OMITTED = Words.anyOf("default(?:s)?(?: to| is|:)", "if omitted", "when omitted",
            "if not (?:provided|specified|set|given)", "optional(?:ly)?", "filters?(?: results)? by", "leave (?:it )?(?:empty|blank|out)");
}
