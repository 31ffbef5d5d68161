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

    /** Tools returning media, messages or resource links return content blocks, not data records. */
    private static final Set<String> MEDIA = Set.of("image", "images", "audio", "video", "screenshot", "picture", "photo",
            "icon", "message", "messages", "link", "links", "reference", "references", "resource", "resources", "prompt");

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
            if (!returnsData(tool)) continue;
            JsonNode schema = tool.outputSchema();
            if (schema.isMissingNode() || schema.isNull()) {
                out.add(RuleSupport.finding(META, Severity.LOW, "'" + tool.name() + "' returns data but declares no outputSchema",
                        tool.location("/outputSchema"), "(none)",
                        "Declare an outputSchema listing the fields the tool returns (only those the task needs), with additionalProperties: false, and return structuredContent."));
            } else if (isOpaque(schema) && !returnsDocumentContent(tool, schema)) {
                out.add(RuleSupport.finding(META, Severity.LOW, "The outputSchema of '" + tool.name() + "' is a single free-form string",
                        tool.location("/outputSchema"), schema.toString(),
                        "Describe the structure of the result as typed fields instead of one string."));
            }
        }
        return out;
    }

    private static boolean returnsData(ToolView tool) {
        List<String> words = tool.nameWords();
        if (words.isEmpty() || !Vocabulary.isReadVerb(words.get(0))) return false;
        for (String w : words) if (MEDIA.contains(w)) return false;
        return true;
    }

    private static final Set<String> DOCUMENT_NOUNS = Set.of("file", "files", "document", "documents", "page", "pages", "resource", "content");
    private static final Set<String> CONTENT_FIELDS = Set.of("content", "contents", "text", "data", "body");

    /** Reading a file's text returns text: a single content string is the honest schema there. */
    private static boolean returnsDocumentContent(ToolView tool, JsonNode schema) {
        if (!tool.firstNameWord().equals("read") && !tool.firstNameWord().equals("get")) return false;
        if (tool.nameWords().stream().noneMatch(DOCUMENT_NOUNS::contains)) return false;
        JsonNode props = schema.path("properties");
        return props.isObject() && props.size() == 1 && CONTENT_FIELDS.contains(props.fieldNames().next())
                && tool.nameWords().stream().noneMatch(w -> w.equals("info") || w.equals("metadata") || w.equals("stats"));
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
