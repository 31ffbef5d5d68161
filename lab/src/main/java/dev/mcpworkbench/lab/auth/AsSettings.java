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
 * @param dpop             how the servers treat DPoP (RFC 9449)
 */
public record AsSettings(Set<Misbehaviour> misbehaviours, boolean autoApprove, String issuerPath,
                         List<URI> resources, Set<String> scopes, Set<String> cimdDeniedHosts, DPoPPolicy dpop) {

    public AsSettings {
        dpop = dpop == null ? DPoPPolicy.OPTIONAL : dpop;
    }

    /** With DPoP optional. */
    public AsSettings(Set<Misbehaviour> misbehaviours, boolean autoApprove, String issuerPath,
                      List<URI> resources, Set<String> scopes, Set<String> cimdDeniedHosts) {
        this(misbehaviours, autoApprove, issuerPath, resources, scopes, cimdDeniedHosts, DPoPPolicy.OPTIONAL);
    }

    public boolean has(Misbehaviour misbehaviour) {
        return misbehaviours.contains(misbehaviour);
    }
}
