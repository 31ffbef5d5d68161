package dev.mcpworkbench.app.ui.traffic;

import dev.mcpworkbench.inspector.traffic.RawMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One line of the traffic timeline, as the view shows it. Not a record: the view lets go of a big
 * row's body in place ({@link #letGoOfBody}), so that nothing still holding the row keeps its
 * message alive. A table in a hidden tab keeps its cells' rows until it is laid out again, which
 * waits until the app is idle (see ShownTableView): a row replaced by a bodiless copy kept a
 * 100 MB answer on the heap through such a cell while the next answer was read and checked.
 */
public final class TrafficRow {

    /** Bodies up to this size stay when older rows let go of theirs: they cost little and say much. */
    static final int SMALL_BODY_BYTES = 4 * 1024;

    private final long seq;
    private final Instant time;
    private final boolean outgoing;
    private final String kind;
    private final String method;
    private final String id;
    private final int sizeBytes;
    private final Duration latency;
    private final String http;
    /**
     * The message, or once the view let go of it a note saying what it was. Set on the FX thread;
     * volatile because the filter reads rows on a worker (either value is a whole message to it).
     */
    private volatile RawMessage raw;

    /**
     * @param outgoing  sent by the workbench (false: received from the server)
     * @param kind      request, response, notification, error, stderr, http, lifecycle, invalid
     * @param latency   for a response, the time since its request; else null
     * @param raw       the exact message text as the bytes the capture keeps (the same array, not a copy)
     * @param http      HTTP status line and headers (secrets unmasked: the view masks them), else ""
     */
    public TrafficRow(long seq, Instant time, boolean outgoing, String kind, String method, String id,
                      int sizeBytes, Duration latency, RawMessage raw, String http) {
        this.seq = seq;
        this.time = time;
        this.outgoing = outgoing;
        this.kind = kind;
        this.method = method;
        this.id = id;
        this.sizeBytes = sizeBytes;
        this.latency = latency;
        this.raw = raw;
        this.http = http;
    }

    public long seq() {
        return seq;
    }

    public Instant time() {
        return time;
    }

    public boolean outgoing() {
        return outgoing;
    }

    public String kind() {
        return kind;
    }

    public String method() {
        return method;
    }

    public String id() {
        return id;
    }

    /** The message's size as it travelled, also once the body was let go. */
    public int sizeBytes() {
        return sizeBytes;
    }

    public Duration latency() {
        return latency;
    }

    public RawMessage raw() {
        return raw;
    }

    public String http() {
        return http;
    }

    /** The whole text, decoded now: the view shows heads ({@link RawMessage#head}) of big ones. */
    public String text() {
        return raw.text();
    }

    /**
     * Replaces the message body by a short note saying what it was, for the view's byte limit; a
     * small body is kept. Returns the bytes this freed (0 when nothing changed).
     */
    int letGoOfBody() {
        RawMessage body = raw;
        if (body.sizeBytes() <= SMALL_BODY_BYTES) return 0;
        RawMessage note = RawMessage.of("(" + sizeBytes + " bytes: the body was let go to stay within the traffic view's "
                + (TrafficView.MAX_BYTES >> 20) + " MB of messages; the capture may still hold it, export the traffic for it)");
        raw = note;
        return body.sizeBytes() - note.sizeBytes();
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

    @Override
    public String toString() {
        return "TrafficRow[" + seq + " " + (outgoing ? "out " : "in ") + kind + " " + method + " " + id + ", " + sizeBytes + " bytes]";
    }
}
