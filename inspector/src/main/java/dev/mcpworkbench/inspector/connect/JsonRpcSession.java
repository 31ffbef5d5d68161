package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.connect.McpConnectionException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of JSON-RPC over one {@link Transport}: ids, pairing, per-request timeouts with
 * {@code notifications/cancelled}, progress, and the answers to the server's own requests.
 * Works on raw {@link JsonNode}s so nothing a server sends is lost or rejected by a schema.
 */
final class JsonRpcSession implements Transport.MessageSink {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Transport transport;
    private final Duration defaultTimeout;
    private final ClientRequestHandler handler;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private volatile List<Root> roots;
    private volatile ObjectNode requestMeta;
    private volatile McpConnectionException closedReason;
    private volatile boolean closed;

    private static final class Open {
        final PendingRequest request;
        final Duration timeout;
        final boolean progressResetsTimeout;
        /** The caller's params (without the session's _meta), and the extra HTTP headers: resent by each round. */
        final ObjectNode params;
        final Map<String, String> headers;
        volatile int rounds;
        volatile ScheduledFuture<?> timer;

        Open(PendingRequest request, Duration timeout, boolean progressResetsTimeout, ObjectNode params, Map<String, String> headers) {
            this.request = request;
            this.timeout = timeout;
            this.progressResetsTimeout = progressResetsTimeout;
            this.params = params;
            this.headers = headers;
        }
    }

    JsonRpcSession(Transport transport, Duration defaultTimeout, ClientRequestHandler handler, List<Root> roots) {
        this.transport = transport;
        this.defaultTimeout = defaultTimeout;
        this.handler = handler;
        this.roots = List.copyOf(roots);
    }

    AutoCloseable addListener(ConnectionListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void setRoots(List<Root> newRoots) {
        roots = List.copyOf(newRoots);
    }

    List<Root> roots() {
        return roots;
    }

    /** Members every request carries in {@code params._meta} from now on (the stateless lifecycle's version and client). */
    void setRequestMeta(ObjectNode meta) {
        requestMeta = meta == null ? null : meta.deepCopy();
    }

    PendingRequest send(String method, ObjectNode params, RequestOptions options) {
        return send(method, params, options, Map.of());
    }

    /** Sends a request; {@code headers} go on its HTTP POST (and on every retry of a multi-round request). */
    PendingRequest send(String method, ObjectNode params, RequestOptions options, Map<String, String> headers) {
        long number = nextId.getAndIncrement();
        JsonNode id = JSON.numberNode(number);
        JsonNode token = options.progress() ? JSON.textNode("wb-progress-" + number) : null;
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        PendingRequest request = new PendingRequest(method, id, token, future, this);
        Duration timeout = options.timeout() == null ? defaultTimeout : options.timeout();
        Open entry = new Open(request, timeout, options.progressResetsTimeout(), params == null ? null : params.deepCopy(), Map.copyOf(headers));
        if (closed) {
            future.completeExceptionally(closedError(method));
            return request;
        }
        dispatch(entry, id);
        return request;
    }

    /** A request that is never sent: its answer is {@code reason}. */
    PendingRequest refused(String method, McpConnectionException reason) {
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        future.completeExceptionally(reason);
        return new PendingRequest(method, JSON.nullNode(), null, future, this);
    }

    /** Sends one round of {@code entry} under {@code id}. */
    private void dispatch(Open entry, JsonNode id) {
        PendingRequest request = entry.request;
        ObjectNode message = JSON.objectNode().put("jsonrpc", "2.0");
        message.set("id", id);
        message.put("method", request.method());
        ObjectNode body = entry.params == null ? JSON.objectNode() : entry.params.deepCopy();
        ObjectNode meta = requestMeta;
        if (meta != null) body.withObjectProperty("_meta").setAll(meta.deepCopy());
        if (request.progressToken() != null) body.withObjectProperty("_meta").set("progressToken", request.progressToken());
        if (entry.params != null || request.progressToken() != null || meta != null) message.set("params", body);
        open.put(id.toString(), entry);
        // the connection may have closed since send() looked: onClosed() has then failed every open
        // request but this one, which would otherwise wait out its whole timeout (holding the session)
        if (closed && open.remove(id.toString(), entry)) {
            request.result().completeExceptionally(closedError(request.method()));
            return;
        }
        arm(entry);
        transport.send(message, entry.headers);
    }

    void notify(String method, ObjectNode params) {
        ObjectNode message = JSON.objectNode().put("jsonrpc", "2.0").put("method", method);
        if (params != null) message.set("params", params);
        if (!closed) transport.send(message);
    }

    void cancel(PendingRequest request, String reason) {
        Open entry = open.remove(request.id().toString());
        if (entry == null) return;
        stopTimer(entry);
        sendCancelled(request, reason);
        request.result().completeExceptionally(new McpConnectionException(Kind.CANCELLED, request.method() + " cancelled: " + reason));
    }

    private void arm(Open entry) {
        stopTimer(entry);
        entry.timer = Timeouts.schedule(() -> timedOut(entry), entry.timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void stopTimer(Open entry) {
        ScheduledFuture<?> timer = entry.timer;
        if (timer != null) timer.cancel(false);
    }

    private void timedOut(Open entry) {
        PendingRequest request = entry.request;
        if (open.remove(request.id().toString(), entry)) {
            sendCancelled(request, "Timed out after " + Durations.human(entry.timeout));
            String extra = transport.diagnosis();
            request.result().completeExceptionally(new McpConnectionException(Kind.TIMEOUT,
                    "No answer to " + request.method() + " within " + Durations.human(entry.timeout)
                            + (extra.isEmpty() ? "" : "; " + extra)));
        }
    }

    private void sendCancelled(PendingRequest request, String reason) {
        if (closed || "initialize".equals(request.method())) return; // initialize must not be cancelled (spec)
        ObjectNode params = JSON.objectNode();
        params.set("requestId", request.id());
        params.put("reason", reason);
        notify("notifications/cancelled", params);
    }

    @Override
    public void onMessage(JsonNode message) {
        onMessage(message, null);
    }

    /** {@code utf8}: the bytes of this one message (not of a batch), or null. */
    @Override
    public void onMessage(JsonNode message, byte[] utf8) {
        if (message.isArray()) {
            message.forEach(m -> onMessage(m, null));
            return;
        }
        if (!message.isObject()) return;
        boolean hasMethod = message.path("method").isTextual();
        boolean hasId = message.has("id") && !message.get("id").isNull();
        if (hasMethod && hasId) {
            answerServerRequest((ObjectNode) message);
        } else if (hasMethod) {
            onNotification(message.get("method").asText(), message.path("params"));
        } else if (hasId) {
            onResponse(message, utf8);
        }
    }

    private void onResponse(JsonNode message, byte[] utf8) {
        Open entry = open.remove(message.get("id").toString());
        if (entry == null) return; // late answer to a timed-out or cancelled request: kept in traffic only
        stopTimer(entry);
        PendingRequest request = entry.request;
        if (message.has("error")) {
            JsonNode error = message.get("error");
            request.result().completeExceptionally(new McpRemoteException(request.method(),
                    error.isObject() ? error : JSON.objectNode().put("message", error.toString())));
        } else if (message.has("result")) {
            JsonNode result = message.get("result");
            if (MultiRound.needsInput(result)) {
                continueWithInput(entry, result);
            } else {
                request.answeredIn(utf8);
                request.result().complete(result);
            }
        } else {
            request.result().completeExceptionally(new McpConnectionException(Kind.PROTOCOL,
                    "The answer to " + request.method() + " has neither result nor error"));
        }
    }

    /**
     * A multi-round request (SEP-2322): the server answered {@code input_required}. The workbench
     * answers each input request as it answers the server's own requests, then sends the request
     * again under a new id with {@code inputResponses} and the server's {@code requestState}
     * echoed unchanged. Off the reader thread: answering may wait for a person.
     */
    private void continueWithInput(Open entry, JsonNode result) {
        Thread.ofVirtual().name("mcp-input-required").start(() -> {
            PendingRequest request = entry.request;
            if (++entry.rounds > MultiRound.MAX_ROUNDS) {
                request.result().completeExceptionally(new McpConnectionException(Kind.PROTOCOL, "The server still asked for input after "
                        + MultiRound.MAX_ROUNDS + " rounds of " + request.method() + "; the workbench gave up"));
                return;
            }
            ObjectNode responses;
            try {
                responses = MultiRound.answer(result.path("inputRequests"), handler, roots, this::publish);
            } catch (ServerRequests.Refusal refusal) {
                request.result().completeExceptionally(new McpConnectionException(Kind.PROTOCOL, "The server asked, within "
                        + request.method() + ", for input the workbench does not give: " + refusal.getMessage()));
                return;
            }
            ObjectNode next = entry.params == null ? JSON.objectNode() : entry.params;
            next.set("inputResponses", responses);
            if (result.has("requestState")) next.set("requestState", result.get("requestState"));
            else next.remove("requestState");
            Open retry = new Open(request, entry.timeout, entry.progressResetsTimeout, next, entry.headers);
            retry.rounds = entry.rounds;
            JsonNode id = JSON.numberNode(nextId.getAndIncrement());
            request.retriedAs(id);
            if (closed) {
                request.result().completeExceptionally(closedError(request.method()));
                return;
            }
            dispatch(retry, id);
        });
    }

    private void onNotification(String method, JsonNode params) {
        ConnectionEvent event = switch (method) {
            case "notifications/tools/list_changed" -> new ConnectionEvent.ListChanged("tools");
            case "notifications/resources/list_changed" -> new ConnectionEvent.ListChanged("resources");
            case "notifications/prompts/list_changed" -> new ConnectionEvent.ListChanged("prompts");
            case "notifications/resources/updated" -> new ConnectionEvent.ResourceUpdated(params.path("uri").asText(""));
            case "notifications/message" -> new ConnectionEvent.LogMessage(params.path("level").asText(""),
                    params.path("logger").asText(""), params.path("data"));
            case "notifications/progress" -> progress(params);
            default -> new ConnectionEvent.Notification(method, params);
        };
        publish(event);
    }

    private ConnectionEvent progress(JsonNode params) {
        JsonNode token = params.path("progressToken");
        for (Open entry : open.values()) {
            if (entry.progressResetsTimeout && token.equals(entry.request.progressToken())) arm(entry);
        }
        JsonNode total = params.get("total");
        return new ConnectionEvent.Progress(token, params.path("progress").asDouble(),
                total != null && total.isNumber() ? total.asDouble() : null,
                params.path("message").isTextual() ? params.get("message").asText() : null);
    }

    private void answerServerRequest(ObjectNode request) {
        // Elicitation and sampling wait for a person: never on the reader thread.
        Thread.ofVirtual().name("mcp-server-request").start(() -> {
            String method = request.get("method").asText();
            JsonNode params = request.path("params");
            ObjectNode reply = JSON.objectNode().put("jsonrpc", "2.0");
            reply.set("id", request.get("id"));
            try {
                reply.set("result", ServerRequests.answer(method, params, handler, roots));
            } catch (ServerRequests.Refusal refusal) {
                reply.set("error", JSON.objectNode().put("code", refusal.code).put("message", refusal.getMessage()));
            } catch (RuntimeException e) {
                reply.set("error", JSON.objectNode().put("code", -32603).put("message", "The workbench failed to answer: " + e));
            }
            // Told before it is sent: whatever the server does with the answer comes after, for every listener.
            publish(new ConnectionEvent.ServerRequest(method, params, reply.has("result") ? reply.get("result") : reply.get("error")));
            if (!closed) transport.send(reply);
        });
    }

    @Override
    public void onSendFailed(JsonNode message, McpConnectionException error) {
        JsonNode id = message.get("id");
        if (id == null || message.has("result") || message.has("error")) return;
        Open entry = open.remove(id.toString());
        if (entry != null) {
            stopTimer(entry);
            entry.request.result().completeExceptionally(error);
        }
    }

    @Override
    public void onClosed(McpConnectionException reason) {
        if (closed) return;
        closedReason = reason;
        closed = true;
        for (Open entry : open.values()) {
            stopTimer(entry);
            entry.request.result().completeExceptionally(closedError(entry.request.method()));
        }
        open.clear();
        publish(new ConnectionEvent.Closed(reason));
    }

    boolean isClosed() {
        return closed;
    }

    McpConnectionException closedReason() {
        return closedReason;
    }

    private McpConnectionException closedError(String method) {
        McpConnectionException reason = closedReason;
        if (reason == null) return new McpConnectionException(Kind.CLOSED, "The connection was closed before " + method + " was answered");
        return new McpConnectionException(reason.kind(), reason.getMessage() + " (while waiting for " + method + ")");
    }

    private void publish(ConnectionEvent event) {
        for (ConnectionListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                // One faulty listener must not stop the others or the reader.
            }
        }
    }

    static ArrayNode rootsJson(List<Root> roots) {
        ArrayNode array = JSON.arrayNode();
        for (Root root : roots) {
            ObjectNode node = array.addObject().put("uri", root.uri());
            if (!root.name().isEmpty()) node.put("name", root.name());
        }
        return array;
    }
}
