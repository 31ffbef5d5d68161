package dev.mcpworkbench.app.cli.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.connect.ClientRequestHandler;
import dev.mcpworkbench.inspector.connect.ClientRequestHandler.ElicitationReply;
import dev.mcpworkbench.inspector.connect.ClientRequestHandler.SamplingReply;

/**
 * How the headless client answers a server's elicitation request: decline (the default), cancel, or
 * accept with the defaults the requested schema declares (SEP-1034), filling nothing else in.
 * Sampling requests are always declined: no model runs here.
 */
public enum ElicitationPolicy {
    DECLINE, CANCEL, ACCEPT_DEFAULTS;

    /** {@code params} is the elicitation/create request's params as received. */
    public ElicitationReply answer(ObjectNode params) {
        return switch (this) {
            case DECLINE -> ElicitationReply.decline();
            case CANCEL -> ElicitationReply.cancel();
            case ACCEPT_DEFAULTS -> ElicitationReply.accept(defaults(params.path("requestedSchema")));
        };
    }

    /** The connection's handler for the server's requests, answering elicitations this way. */
    public ClientRequestHandler handler() {
        return new ClientRequestHandler() {
            @Override
            public ElicitationReply elicit(ObjectNode params) {
                return answer(params);
            }

            @Override
            public SamplingReply sample(ObjectNode params) {
                return ClientRequestHandler.DECLINE_ALL.sample(params);
            }
        };
    }

    static ObjectNode defaults(JsonNode schema) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        schema.path("properties").properties().forEach(property -> {
            JsonNode value = property.getValue().get("default");
            if (value != null) content.set(property.getKey(), value.deepCopy());
        });
        return content;
    }

    public static ElicitationPolicy parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
