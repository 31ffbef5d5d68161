package dev.mcpworkbench.app.ui.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.ui.payload.Reply;
import java.util.function.Consumer;

/**
 * Calls a tool on the live server. Blocking (the UI runs it on a virtual thread); an interrupt
 * means the user cancelled. Progress notifications arrive on any thread.
 */
@FunctionalInterface
public interface ToolCaller {

    /** A progress notification for the running call. */
    record Progress(double progress, Double total, String message) {
    }

    /** Returns the CallToolResult as JSON (content, structuredContent, isError). */
    JsonNode call(String tool, ObjectNode arguments, Consumer<Progress> onProgress) throws Exception;

    /** {@link #call} with the result's bytes as sent, when the caller knows them. */
    default Reply reply(String tool, ObjectNode arguments, Consumer<Progress> onProgress) throws Exception {
        return new Reply(call(tool, arguments, onProgress), null);
    }
}
