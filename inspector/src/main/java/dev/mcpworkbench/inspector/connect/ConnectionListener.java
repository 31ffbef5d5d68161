package dev.mcpworkbench.inspector.connect;

/** Receives {@link ConnectionEvent}s on the connection's reader thread: keep it quick, hop threads for UI work. */
@FunctionalInterface
public interface ConnectionListener {
    void onEvent(ConnectionEvent event);
}
