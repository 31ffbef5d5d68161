package dev.mcpworkbench.lab.auth;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * How the lab's authorization server behaves.
 *
 * @param resources        the resource indicators it mints tokens for (the protected MCP URLs)
 * @param scopes           the scopes it knows
 * @param cimdDeniedHosts  hosts whose client ID metadata documents are refused (allow/deny by domain)
 */
public record AsSettings(Set<Misbehaviour> misbehaviours, boolean autoApprove, String issuerPath,
                         List<URI> resources, Set<String> scopes, Set<String> cimdDeniedHosts) {

    public boolean has(Misbehaviour misbehaviour) {
        return misbehaviours.contains(misbehaviour);
    }
}
