package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A request in flight. Its {@link #result()} completes with the server's raw {@code result} object,
 * or exceptionally with an {@link McpConnectionException} (timeout, cancellation, closed connection,
 * or {@link McpRemoteException} for a JSON-RPC error). Completion happens on a connection thread:
 * hop to your own thread before touching UI state.
 */
public final class PendingRequest {

    private final String method;
    private volatile JsonNode id;
    private final JsonNode progressToken;
    private final CompletableFuture<JsonNode> result;
    private final JsonRpcSession session;
    private volatile byte[] answerBytes;

    PendingRequest(String method, JsonNode id, JsonNode progressToken, CompletableFuture<JsonNode> result, JsonRpcSession session) {
        this.method = method;
        this.id = id;
        this.progressToken = progressToken;
        this.result = result;
        this.session = session;
    }

    public String method() {
        return method;
    }

    /**
     * The JSON-RPC id the request went out with (find it in the traffic log); for a multi-round
     * request (the server asked for input and the workbench sent it again), the latest round's id.
     */
    public JsonNode id() {
        return id;
    }

    void retriedAs(JsonNode newId) {
        this.id = newId;
    }

    /** The progress token sent in {@code _meta}, or null when progress was not asked for. */
    public JsonNode progressToken() {
        return progressToken;
    }

    public CompletableFuture<JsonNode> result() {
        return result;
    }

    public boolean isDone() {
        return result.isDone();
    }

    /**
     * Cancels: tells the server with {@code notifications/cancelled} and fails {@link #result()} with
     * a {@link McpConnectionException.Kind#CANCELLED} error. Does nothing when already answered.
     */
    public void cancel(String reason) {
        session.cancel(this, reason == null ? "Cancelled by the user" : reason);
    }

    void answeredIn(byte[] utf8) {
        this.answerBytes = utf8;
    }

    /**
     * The bytes of the message that answered, as the server sent them (the array the traffic log
     * keeps, shared: read, never write), once {@link #result()} completed; null when not known (a
     * batch, a transport that does not keep them). {@code ResultMember} finds the result in them.
     */
    public byte[] answerBytes() {
        return answerBytes;
    }

    /** Waits for the answer (the request's own timeout applies) and returns the raw result. */
    public JsonNode await() throws McpConnectionException {
        try {
            return result.get();
        } catch (ExecutionException | CompletionException e) {
            throw unwrap(e.getCause());
        } catch (CancellationException e) {
            throw new McpConnectionException(McpConnectionException.Kind.CANCELLED, method + " was cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel("The workbench stopped waiting");
            throw new McpConnectionException(McpConnectionException.Kind.CANCELLED, method + " was interrupted");
        }
    }

    static McpConnectionException unwrap(Throwable t) {
        if (t instanceof McpConnectionException e) return e;
        if (t instanceof CompletionException && t.getCause() != null) return unwrap(t.getCause());
        return new McpConnectionException(McpConnectionException.Kind.PROTOCOL, String.valueOf(t.getMessage()), t);
    }
}
