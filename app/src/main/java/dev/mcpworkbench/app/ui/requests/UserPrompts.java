package dev.mcpworkbench.app.ui.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Answers the server's requests to the client (elicitation, sampling) by asking the user.
 * Called on the connection's threads: shows the dialog on the FX thread and waits for the answer,
 * at most {@code timeout} (the server gets a decline after that).
 */
public final class UserPrompts {

    private final Supplier<Window> owner;
    private final Duration timeout;

    public UserPrompts(Supplier<Window> owner, Duration timeout) {
        this.owner = owner;
        this.timeout = timeout;
    }

    /** {"action": "accept"|"decline"|"cancel", "content": {...}}. Blocking; never on the FX thread. */
    public ObjectNode elicit(String serverName, JsonNode request) throws Exception {
        return ask(() -> new ElicitationDialog(owner.get(), serverName, request).showAndWait())
                .orElseGet(() -> {
                    ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                    n.put("action", "cancel");
                    return n;
                });
    }

    /** A CreateMessageResult, or empty when the user declined. Blocking; never on the FX thread. */
    public Optional<ObjectNode> sample(String serverName, JsonNode request) throws Exception {
        return ask(() -> new SamplingDialog(owner.get(), serverName, request).showAndWait());
    }

    private <T> Optional<T> ask(Supplier<Optional<T>> dialog) throws Exception {
        if (Platform.isFxApplicationThread()) throw new IllegalStateException("UserPrompts blocks: call it off the FX thread");
        CompletableFuture<Optional<T>> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(dialog.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
