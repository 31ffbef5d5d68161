package dev.mcpworkbench.inspector.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One captured item of a connection's traffic: a JSON-RPC message exactly as sent or received
 * ({@code text}, byte for byte as UTF-8), a stderr line, an HTTP status/headers record or a
 * lifecycle note.
 *
 * @param seq        position in the log, starting at 1, unique per {@link TrafficLog}
 * @param time       when the workbench sent or received it
 * @param direction  which way it travelled (lifecycle notes use CLIENT_TO_SERVER)
 * @param kind       what it is
 * @param text       the exact text (a JSON-RPC message, a stderr line, a note); never null
 * @param sizeBytes  UTF-8 size of {@code text}
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
        String text,
        int sizeBytes,
        String method,
        String id,
        HttpInfo http,
        long requestSeq,
        Duration latency) {

    public TrafficEntry {
        text = text == null ? "" : text;
        method = method == null ? "" : method;
        id = id == null ? "" : id;
    }

    /** Counted, not encoded: encoding a 100 MB message only to measure it made a 100 MB copy. */
    static int utf8Size(String text) {
        long n = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            char c = text.charAt(i);
            if (c < 0x80) n++;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) n++; // a lone surrogate is encoded as '?'
            else n += 3;
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
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
