package dev.mcpworkbench.oauth.dpop;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest {@code DPoP-Nonce} each server handed out (RFC 9449 sections 8 and 9), by endpoint
 * (the proof's htu): the token endpoint and the MCP endpoint keep their own nonces, even when both
 * live on one origin, and a proof carries the one of the endpoint it goes to.
 */
final class DPoPNonces {

    private final Map<String, String> byEndpoint = new ConcurrentHashMap<>();

    Optional<String> forServer(URI uri) {
        return Optional.ofNullable(byEndpoint.get(endpoint(uri)));
    }

    /** Remembers {@code nonce} for the server of {@code uri}; returns false when it is the one already held. */
    boolean remember(URI uri, String nonce) {
        return !nonce.equals(byEndpoint.put(endpoint(uri), nonce));
    }

    /** The endpoint a nonce belongs to: the URI without query and fragment, scheme and host in lower case. */
    static String endpoint(URI uri) {
        return DPoPProofs.withoutQueryAndFragment(uri).toString();
    }
}
