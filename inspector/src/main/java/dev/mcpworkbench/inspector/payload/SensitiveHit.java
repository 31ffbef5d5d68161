package dev.mcpworkbench.inspector.payload;

import dev.mcpworkbench.inspector.payload.scan.SecretKind;

/**
 * A secret or personal-data value found in a payload. {@code pointer} addresses it in the
 * payload (JSON inside a text block is addressed through the block's text, see docs/payloads.md);
 * {@code masked} is the only form of the value that is kept.
 */
public record SensitiveHit(SecretKind kind, String pointer, String key, String masked) {
}
