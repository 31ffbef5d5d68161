package dev.mcpworkbench.inspector.rules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One pinned definition: its SHA-256 (hex, of the RFC 8785 canonical JSON) and the definition
 * itself, kept so a later change can be shown field by field.
 */
public record PinnedItem(String sha256, JsonNode definition) {
}
