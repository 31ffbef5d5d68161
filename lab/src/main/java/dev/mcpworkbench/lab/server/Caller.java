package dev.mcpworkbench.lab.server;

import java.util.Set;

/**
 * Who is calling a tool: the scopes of the bearer token on a protected HTTP server, or
 * {@link #LOCAL} for stdio and unprotected HTTP, where the transport itself is the trust boundary.
 */
public record Caller(String subject, Set<String> scopes, boolean authenticated) {

    public static final Caller LOCAL = new Caller("local", Set.of(), false);

    /** Key under which the HTTP transport stores the caller in the SDK's transport context. */
    public static final String CONTEXT_KEY = "dev.mcpworkbench.lab.caller";

    public boolean hasScope(String scope) {
        return !authenticated || scopes.contains(scope);
    }
}
