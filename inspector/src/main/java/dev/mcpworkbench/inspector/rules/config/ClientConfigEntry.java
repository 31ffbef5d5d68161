package dev.mcpworkbench.inspector.rules.config;

import dev.mcpworkbench.inspector.rules.ConnectionTarget;
import java.util.Locale;

/**
 * One server entry of a client configuration: what the rules see, and the transport the entry
 * declares ({@code "type"}: stdio, http, streamable-http, sse), which a URL alone does not tell.
 *
 * @param declaredType the entry's {@code type} (or {@code transport}) as written, or null
 */
public record ClientConfigEntry(ConnectionTarget target, String declaredType) {

    /** An entry with a URL that declares {@code sse} is a legacy HTTP+SSE endpoint; other URLs are Streamable HTTP. */
    public boolean isSse() {
        return !target.isStdio() && declaredType != null && declaredType.toLowerCase(Locale.ROOT).equals("sse");
    }
}
