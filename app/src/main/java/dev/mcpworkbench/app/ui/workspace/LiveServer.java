package dev.mcpworkbench.app.ui.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.app.ui.tools.ToolCaller;
import java.util.Map;

/** The requests the workspace sends to a connected server. Blocking; run off the FX thread. */
public interface LiveServer extends ToolCaller {

    /** The ReadResourceResult as JSON ({@code contents}). */
    JsonNode readResource(String uri) throws Exception;

    /** The GetPromptResult as JSON ({@code description}, {@code messages}). */
    JsonNode getPrompt(String name, Map<String, String> arguments) throws Exception;
}
