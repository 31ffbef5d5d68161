package dev.mcpworkbench.inspector.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.payload.WellFormedText;
import dev.mcpworkbench.inspector.payload.scan.SecretRedactor;
import java.util.List;
import java.util.Optional;

/**
 * Everything a server exposes, as received. Items stay raw JSON so a hostile or malformed server
 * answer is kept for inspection and becomes a finding instead of a parse error.
 *
 * <p>The JSON form is the corpus format: {@code source}, {@code initialize} (the InitializeResult),
 * {@code tools}, and optionally {@code resources}, {@code resourceTemplates}, {@code prompts};
 * see {@link SnapshotJson}.
 *
 * @param source     what was connected to (a command line, a URL, a file name); may be empty
 * @param initialize the InitializeResult object (protocolVersion, capabilities, serverInfo, instructions)
 * @param listErrors lists the server announced but failed to answer ("prompts/list failed: ..."): what
 *                   the snapshot lacks, so a report can say so instead of losing the rest
 */
public record ServerSnapshot(
        String source,
        ObjectNode initialize,
        List<JsonNode> tools,
        List<JsonNode> resources,
        List<JsonNode> resourceTemplates,
        List<JsonNode> prompts,
        List<String> listErrors) {

    public ServerSnapshot {
        source = source == null ? "" : SecretRedactor.redact(source);
        initialize = initialize == null ? JsonNodeFactory.instance.objectNode() : initialize;
        tools = List.copyOf(tools);
        resources = List.copyOf(resources);
        resourceTemplates = List.copyOf(resourceTemplates);
        prompts = List.copyOf(prompts);
        // a server's error message may quote a credential or hold a lone surrogate; a snapshot is shared
        listErrors = listErrors == null ? List.of()
                : listErrors.stream().map(e -> WellFormedText.of(SecretRedactor.redact(e))).toList();
    }

    public ServerSnapshot(String source, ObjectNode initialize, List<JsonNode> tools, List<JsonNode> resources,
                          List<JsonNode> resourceTemplates, List<JsonNode> prompts) {
        this(source, initialize, tools, resources, resourceTemplates, prompts, List.of());
    }

    public static ServerSnapshot ofTools(String source, ObjectNode initialize, List<JsonNode> tools) {
        return new ServerSnapshot(source, initialize, tools, List.of(), List.of(), List.of());
    }

    public String serverName() {
        return initialize.path("serverInfo").path("name").asText("");
    }

    public String serverVersion() {
        return initialize.path("serverInfo").path("version").asText("");
    }

    public String protocolVersion() {
        return initialize.path("protocolVersion").asText("");
    }

    public Optional<String> instructions() {
        JsonNode node = initialize.get("instructions");
        return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    public JsonNode capabilities() {
        return initialize.path("capabilities");
    }

    /** The tool's name, or "" when the server sent none (a malformed tool is still kept). */
    public static String nameOf(JsonNode item) {
        JsonNode name = item.get("name");
        return name != null && name.isTextual() ? name.asText() : "";
    }

    public Optional<JsonNode> tool(String name) {
        return tools.stream().filter(t -> nameOf(t).equals(name)).findFirst();
    }
}
