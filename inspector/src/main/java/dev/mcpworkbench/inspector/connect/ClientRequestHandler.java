package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Answers the requests a server sends to the client that need a person (or a model): sampling
 * ({@code sampling/createMessage}) and elicitation ({@code elicitation/create}). Roots and ping are
 * answered by the connection itself.
 *
 * <p>Called on a virtual thread of its own, so an implementation may block while the user
 * decides (the server's request stays open meanwhile). The UI shows the request, lets the user
 * answer, edit or decline; headless runs use {@link #DECLINE_ALL}.
 */
public interface ClientRequestHandler {

    /** Answers {@code elicitation/create}; {@code params} is the request's params as received. */
    ElicitationReply elicit(ObjectNode params);

    /** Answers {@code sampling/createMessage}; {@code params} is the request's params as received. */
    SamplingReply sample(ObjectNode params);

    /** Declines everything: what a headless scan does. */
    ClientRequestHandler DECLINE_ALL = new ClientRequestHandler() {
        @Override
        public ElicitationReply elicit(ObjectNode params) {
            return ElicitationReply.decline();
        }

        @Override
        public SamplingReply sample(ObjectNode params) {
            return SamplingReply.decline("The workbench runs headless and does not sample");
        }
    };

    /** The user's answer to an elicitation: accept (with content), decline, or cancel. */
    record ElicitationReply(String action, ObjectNode content) {
        public static ElicitationReply accept(ObjectNode content) {
            return new ElicitationReply("accept", content);
        }

        public static ElicitationReply decline() {
            return new ElicitationReply("decline", null);
        }

        public static ElicitationReply cancel() {
            return new ElicitationReply("cancel", null);
        }
    }

    /**
     * The answer to a sampling request: a CreateMessageResult object ({@code role}, {@code content},
     * {@code model}, {@code stopReason}) or a refusal, sent to the server as a JSON-RPC error.
     */
    record SamplingReply(ObjectNode result, String declineReason) {
        public static SamplingReply answer(ObjectNode result) {
            return new SamplingReply(result, null);
        }

        public static SamplingReply decline(String reason) {
            return new SamplingReply(null, reason == null ? "Declined by the user" : reason);
        }

        public boolean declined() {
            return result == null;
        }
    }
}
