package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The names and the result shape of the stateless lifecycle (2026-07-28, SEP-2575). */
final class Stateless {

    static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
    static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    static final String META_CLIENT = "io.modelcontextprotocol/clientInfo";
    static final String META_SERVER = "io.modelcontextprotocol/serverInfo";

    private Stateless() {
    }

    /**
     * The server/discover answer in the shape of an InitializeResult, so that snapshots, scans and
     * summaries read one shape whatever the lifecycle. Only members the server sent are copied.
     */
    static ObjectNode asInitializeResult(String version, ObjectNode discover) {
        ObjectNode shaped = JsonNodeFactory.instance.objectNode().put("protocolVersion", version);
        JsonNode capabilities = discover.get("capabilities");
        shaped.set("capabilities", capabilities != null && capabilities.isObject() ? capabilities.deepCopy() : JsonNodeFactory.instance.objectNode());
        JsonNode serverInfo = discover.path("_meta").get(META_SERVER);
        if (serverInfo == null) serverInfo = discover.get("serverInfo");
        if (serverInfo != null) shaped.set("serverInfo", serverInfo.deepCopy());
        JsonNode instructions = discover.get("instructions");
        if (instructions != null) shaped.set("instructions", instructions.deepCopy());
        return shaped;
    }
}
