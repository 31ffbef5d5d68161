package dev.mcpworkbench.inspector.connect;

import java.io.BufferedReader;
import java.io.IOException;

/** Reads Server-Sent Events (event, data, id fields) from a text stream, one event at a time. */
final class SseEventReader {

    record Event(String type, String data, String id) {
    }

    private final BufferedReader reader;

    SseEventReader(BufferedReader reader) {
        this.reader = reader;
    }

    /** The next event, or null at the end of the stream. */
    Event next() throws IOException {
        String type = "message";
        String id = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) return new Event(type, data.toString(), id);
                type = "message";
                continue;
            }
            if (line.startsWith(":")) continue;
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) value = value.substring(1);
            switch (field) {
                case "event" -> type = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                case "id" -> id = value;
                default -> { }
            }
        }
        return data == null ? null : new Event(type, data.toString(), id);
    }
}
