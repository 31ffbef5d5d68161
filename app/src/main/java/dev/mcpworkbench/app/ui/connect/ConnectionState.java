package dev.mcpworkbench.app.ui.connect;

/** Where the active profile's connection is. */
public enum ConnectionState {
    DISCONNECTED, CONNECTING, CONNECTED, FAILED
}
