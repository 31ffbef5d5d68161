package dev.mcpworkbench.app.ui.traffic;

import dev.mcpworkbench.inspector.traffic.RawMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One line of the traffic timeline, as the view shows it.
 *
 * @param outgoing  sent by the workbench (false: received from the server)
 * @param kind      request, response, notification, error, stderr, http, lifecycle, invalid
 * @param latency   for a response, the time since its request; else null
 * @param raw       the exact message text as the bytes the capture keeps (the same array, not a copy)
 * @param http      HTTP status line and headers (secrets unmasked: the view masks them), else ""
 */
public record TrafficRow(long seq, Instant time, boolean outgoing, String kind, String method, String id,
                         int sizeBytes, Duration latency, RawMessage raw, String http) {

    /** The whole text, decoded now: the view shows heads ({@link RawMessage#head}) of big ones. */
    public String text() {
        return raw.text();
    }

    /** Bodies up to this size stay when older rows let go of theirs: they cost little and say much. */
    static final int SMALL_BODY_BYTES = 4 * 1024;

    /**
     * This row without its message body, for the view's byte limit: a short note says what it was;
     * a small body is kept (then the row itself is returned).
     */
    TrafficRow withoutBody() {
        if (raw.sizeBytes() <= SMALL_BODY_BYTES) return this;
        RawMessage note = RawMessage.of("(" + sizeBytes + " bytes: the body was let go to stay within the traffic view's "
                + (TrafficView.MAX_BYTES >> 20) + " MB of messages; the capture may still hold it, export the traffic for it)");
        return new TrafficRow(seq, time, outgoing, kind, method, id, sizeBytes, latency, note, http);
    }

    /** Whether the row is in the chosen direction and of the chosen method (cheap: no text). */
    public boolean passes(String direction, String methodFilter) {
        if ("Sent".equals(direction) && !outgoing) return false;
        if ("Received".equals(direction) && outgoing) return false;
        return methodFilter == null || methodFilter.isEmpty() || methodFilter.equals("All methods") || methodFilter.equals(method);
    }

    /** Whether the query is in the method, kind, HTTP head or anywhere in the message (case-insensitive). */
    public boolean contains(String query) {
        if (query == null || query.isBlank()) return true;
        String q = query.toLowerCase(Locale.ROOT);
        return method.toLowerCase(Locale.ROOT).contains(q) || kind.contains(q) || http.toLowerCase(Locale.ROOT).contains(q)
                || raw.containsIgnoreCase(query);
    }

    public boolean matches(String direction, String methodFilter, String query) {
        return passes(direction, methodFilter) && contains(query);
    }
}
