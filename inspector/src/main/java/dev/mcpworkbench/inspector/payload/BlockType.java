package dev.mcpworkbench.inspector.payload;

/** MCP content block kinds, plus UNKNOWN for anything a server invents. */
public enum BlockType {
    TEXT, IMAGE, AUDIO, RESOURCE_LINK, RESOURCE, UNKNOWN;

    static BlockType of(String type) {
        if (type == null) return UNKNOWN;
        return switch (type) {
            case "text" -> TEXT;
            case "image" -> IMAGE;
            case "audio" -> AUDIO;
            case "resource_link" -> RESOURCE_LINK;
            case "resource" -> RESOURCE;
            default -> UNKNOWN;
        };
    }
}
