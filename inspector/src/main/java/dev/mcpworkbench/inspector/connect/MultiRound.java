package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Multi-round requests (2026-07-28, SEP-2322): instead of sending its own request on a stream, a
 * server answers {@code {"resultType": "input_required", "inputRequests": {key: {method, params}},
 * "requestState": ...}}; the client answers each input request and sends the original request
 * again, with {@code inputResponses: {key: result}} and the {@code requestState} exactly as
 * received (opaque to the client; omitted when the server sent none). A result without
 * {@code resultType} is complete.
 */
final class MultiRound {

    static final String INPUT_REQUIRED = "input_required";
    /** Rounds one request may take before the workbench stops answering (a server asking forever). */
    static final int MAX_ROUNDS = 10;

    private MultiRound() {
    }

    static boolean needsInput(JsonNode result) {
        return result.isObject() && INPUT_REQUIRED.equals(result.path("resultType").asText(null));
    }

    /** The answers to every input request, keyed as the server keyed them; each is published as a server request. */
    static ObjectNode answer(JsonNode inputRequests, ClientRequestHandler handler, List<Root> roots,
                             Consumer<ConnectionEvent> publish) throws ServerRequests.Refusal {
        ObjectNode responses = JsonNodeFactory.instance.objectNode();
        if (!inputRequests.isObject()) return responses;
        for (Map.Entry<String, JsonNode> input : inputRequests.properties()) {
            String method = input.getValue().path("method").asText("");
            JsonNode params = input.getValue().path("params");
            JsonNode result = ServerRequests.answer(method, params, handler, roots);
            responses.set(input.getKey(), result);
            publish.accept(new ConnectionEvent.ServerRequest(method, params, result));
        }
        return responses;
    }
}
