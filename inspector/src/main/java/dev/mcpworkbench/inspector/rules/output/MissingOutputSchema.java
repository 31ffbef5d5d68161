package dev.mcpworkbench.inspector.rules.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** OUTPUT-001: a tool that returns data without saying what data. */
public final class MissingOutputSchema implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("OUTPUT-001", "No or opaque outputSchema", Category.OUTPUT,
            Severity.LOW, List.of("MCP10"),
            "Without an outputSchema neither the client nor a reviewer can tell what a tool returns, so over-sharing and injected text in results go unnoticed.");

    /** Tools returning media are content, not data records. */
    private static final Set<String> MEDIA = Set.of("image", "images", "audio", "video", "screenshot", "picture", "photo", "icon");

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        List<Finding> out = new ArrayList<>();
        for (ToolView tool : s.tools()) {
            if (!returnsData(tool)) continue;
            JsonNode schema = tool.outputSchema();
            if (schema.isMissingNode() || schema.isNull()) {
                out.add(RuleSupport.finding(META, Severity.LOW, "'" + tool.name() + "' returns data but declares no outputSchema",
                        tool.location("/outputSchema"), "(none)",
                        "Declare an outputSchema listing the fields the tool returns (only those the task needs), with additionalProperties: false, and return structuredContent."));
            } else if (isOpaque(schema)) {
                out.add(RuleSupport.finding(META, Severity.LOW, "The outputSchema of '" + tool.name() + "' is a single free-form string",
                        tool.location("/outputSchema"), schema.toString(),
                        "Describe the structure of the result as typed fields instead of one string."));
            }
        }
        return out;
    }

    private static boolean returnsData(ToolView tool) {
        List<String> words = tool.nameWords();
        if (words.isEmpty() || words.stream().anyMatch(MEDIA::contains)) return false;
        return Vocabulary.isReadVerb(words.get(0));
    }

    private static boolean isOpaque(JsonNode schema) {
        if ("string".equals(schema.path("type").asText())) return true;
        JsonNode props = schema.path("properties");
        if (props.isObject() && props.size() == 1) {
            JsonNode only = props.elements().next();
            return "string".equals(only.path("type").asText()) && !only.has("enum") && !only.has("format");
        }
        return false;
    }
}
