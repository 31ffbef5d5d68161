package dev.mcpworkbench.inspector.connect;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The value encoding of the MCP request headers of 2026-07-28 (SEP-2243): a value that is plain
 * visible ASCII (spaces inside allowed) goes as is; one with other characters, control characters
 * or leading or trailing whitespace goes as {@code =?base64?<UTF-8 bytes in Base64>?=}, since HTTP
 * would strip, reject or mangle it.
 */
final class HeaderValues {

    private HeaderValues() {
    }

    static String encode(String value) {
        return needsBase64(value)
                ? "=?base64?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?="
                : value;
    }

    static boolean needsBase64(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) return true;
        }
        return !value.equals(value.strip());
    }
}
