package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Answers the requests a server sends to the workbench. */
final class ServerRequests {

    private ServerRequests() {
    }

    /** A JSON-RPC error answer. */
    static final class Refusal extends Exception {
        final int code;

        Refusal(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    static JsonNode answer(String method, JsonNode params, ClientRequestHandler handler, List<Root> roots) throws Refusal {
        ObjectNode safeParams = params.isObject() ? (ObjectNode) params : JsonNodeFactory.instance.objectNode();
        switch (method) {
            case "ping":
                return JsonNodeFactory.instance.objectNode();
            case "roots/list": {
                ObjectNode result = JsonNodeFactory.instance.objectNode();
                result.set("roots", JsonRpcSession.rootsJson(roots));
                return result;
            }
            case "elicitation/create":
                return elicitation(handler.elicit(safeParams));
            case "sampling/createMessage": {
                ClientRequestHandler.SamplingReply reply = handler.sample(safeParams);
                if (reply == null || reply.declined()) {
                    throw new Refusal(-1, reply == null ? "Declined" : reply.declineReason());
                }
                return reply.result();
            }
            default:
                throw new Refusal(-32601, "Method not found: " + method);
        }
    }

    private static JsonNode elicitation(ClientRequestHandler.ElicitationReply reply) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        String action = reply == null ? "decline" : reply.action();
        result.put("action", action);
        if ("accept".equals(action) && reply.content() != null) result.set("content", reply.content());
        return result;
    }
}
