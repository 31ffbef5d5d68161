package dev.mcpworkbench.inspector.connect;

/** A root the workbench offers the server (MCP {@code roots/list}): a {@code file://} URI and an optional name. */
public record Root(String uri, String name) {
    public Root {
        if (uri == null || uri.isBlank()) throw new IllegalArgumentException("A root needs a URI");
        name = name == null ? "" : name;
    }
}
