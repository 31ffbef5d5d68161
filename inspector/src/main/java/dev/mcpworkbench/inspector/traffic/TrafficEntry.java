package dev.mcpworkbench.inspector.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One captured item of a connection's traffic: a JSON-RPC message exactly as sent or received
 * ({@code raw}, byte for byte as UTF-8), a stderr line, an HTTP status/headers record or a
 * lifecycle note. The message is kept as its bytes, once ({@link RawMessage}); {@link #text()}
 * decodes it on demand.
 *
 * @param seq        position in the log, starting at 1, unique per {@link TrafficLog}
 * @param time       when the workbench sent or received it
 * @param direction  which way it travelled (lifecycle notes use CLIENT_TO_SERVER)
 * @param kind       what it is
 * @param raw        the exact text as UTF-8 (a JSON-RPC message, a stderr line, a note); never null
 * @param method     the JSON-RPC method of a request or notification, else ""
 * @param id         the JSON-RPC id as JSON text ({@code 7}, {@code "abc"}), else ""
 * @param http       the HTTP exchange this came with (HTTP transports), else null
 * @param requestSeq for a response: the seq of the request it answers, else 0
 * @param latency    for a response: time since its request was sent, else null
 */
public record TrafficEntry(
        long seq,
        Instant time,
        Direction direction,
        EntryKind kind,
        RawMessage raw,
        String method,
        String id,
        HttpInfo http,
        long requestSeq,
        Duration latency) {

    public TrafficEntry {
        raw = raw == null ? RawMessage.EMPTY : raw;
        method = method == null ? "" : method;
        id = id == null ? "" : id;
    }

    /** The whole text, decoded now: for a big message prefer {@link RawMessage#head} or the bytes. */
    public String text() {
        return raw.text();
    }

    /** UTF-8 size of the text. */
    public int sizeBytes() {
        return raw.sizeBytes();
    }

    public boolean isJsonRpc() {
        return kind == EntryKind.REQUEST || kind == EntryKind.NOTIFICATION
                || kind == EntryKind.RESPONSE || kind == EntryKind.ERROR;
    }

    public boolean isResponse() {
        return kind == EntryKind.RESPONSE || kind == EntryKind.ERROR;
    }

    public Optional<HttpInfo> httpInfo() {
        return Optional.ofNullable(http);
    }

    public Optional<Duration> latencyIfResponse() {
        return Optional.ofNullable(latency);
    }
}
