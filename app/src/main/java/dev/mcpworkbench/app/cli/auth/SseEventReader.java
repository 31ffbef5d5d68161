package dev.mcpworkbench.app.cli.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Reads a text/event-stream (WHATWG HTML section 9.2): dispatches each event's data, and remembers the
 * last event id and the server's retry delay, which a reconnection needs (SEP-1699).
 */
final class SseEventReader {

    /** One dispatched event. */
    record Event(String id, String type, String data) {
    }

    private String lastEventId;
    private long retryMillis = -1;

    String lastEventId() {
        return lastEventId;
    }

    /** The server's retry delay, or -1 when it sent none. */
    long retryMillis() {
        return retryMillis;
    }

    /** Reads until the stream ends or {@code onEvent} returns false (then stops early). */
    void read(InputStream in, Predicate<Event> onEvent) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder data = new StringBuilder();
        String type = null;
        boolean hasData = false;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (hasData || type != null) {
                    boolean more = onEvent.test(new Event(lastEventId, type == null ? "message" : type, data.toString()));
                    if (!more) {
                        return;
                    }
                }
                data.setLength(0);
                type = null;
                hasData = false;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "data" -> {
                    if (hasData) {
                        data.append('\n');
                    }
                    data.append(value);
                    hasData = true;
                }
                case "event" -> type = value;
                case "id" -> {
                    if (!value.contains("\0")) {
                        lastEventId = value;
                    }
                }
                case "retry" -> {
                    if (value.matches("\\d{1,9}")) {
                        retryMillis = Long.parseLong(value);
                    }
                }
                default -> {
                    // unknown fields are ignored, as the spec says
                }
            }
        }
    }
}
