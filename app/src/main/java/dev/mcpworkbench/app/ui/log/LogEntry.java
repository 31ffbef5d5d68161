package dev.mcpworkbench.app.ui.log;

import java.time.Instant;

/** A server notification worth showing: a log message, a list change, a resource update, progress. */
public record LogEntry(Instant time, String level, String source, String message) {
}
