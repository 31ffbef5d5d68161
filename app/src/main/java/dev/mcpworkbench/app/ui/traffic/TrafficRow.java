package dev.mcpworkbench.app.ui.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One line of the traffic timeline, as the view shows it.
 *
 * @param outgoing  sent by the workbench (false: received from the server)
 * @param kind      request, response, notification, error, stderr, http, lifecycle, invalid
 * @param latency   for a response, the time since its request; else null
 * @param text      the exact message text (JSON-RPC, a stderr line, a note)
 * @param http      HTTP status line and headers (secrets unmasked: the view masks them), else ""
 */
public record TrafficRow(long seq, Instant time, boolean outgoing, String kind, String method, String id,
                         int sizeBytes, Duration latency, String text, String http) {

    public boolean matches(String direction, String methodFilter, String query) {
        if ("Sent".equals(direction) && !outgoing) return false;
        if ("Received".equals(direction) && outgoing) return false;
        if (methodFilter != null && !methodFilter.isEmpty() && !methodFilter.equals("All methods") && !methodFilter.equals(method)) return false;
        if (query == null || query.isBlank()) return true;
        String q = query.toLowerCase(Locale.ROOT);
        return method.toLowerCase(Locale.ROOT).contains(q) || containsIgnoreCase(text, query)
                || kind.contains(q) || http.toLowerCase(Locale.ROOT).contains(q);
    }

    /** Without a lower-cased copy: a 100 MB message would be copied on every keystroke in the filter. */
    static boolean containsIgnoreCase(String text, String query) {
        int n = query.length();
        for (int i = 0, last = text.length() - n; i <= last; i++) {
            if (text.regionMatches(true, i, query, 0, n)) return true;
        }
        return false;
    }
}
