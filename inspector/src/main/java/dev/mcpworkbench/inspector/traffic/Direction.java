package dev.mcpworkbench.inspector.traffic;

/** Which way a captured message travelled. */
public enum Direction {
    /** From the workbench (the client) to the server. */
    CLIENT_TO_SERVER,
    /** From the server to the workbench. */
    SERVER_TO_CLIENT
}
