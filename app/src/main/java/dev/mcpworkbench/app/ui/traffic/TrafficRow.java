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
