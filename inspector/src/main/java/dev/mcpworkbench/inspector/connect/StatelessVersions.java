package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Version negotiation of the stateless lifecycle (2026-07-28): a server that does not speak the
 * version asked for answers {@code UnsupportedProtocolVersionError} (-32022) with the versions it
 * supports in {@code error.data.supported}; the client may try again with one of them.
 */
final class StatelessVersions {

    static final int UNSUPPORTED_VERSION = -32022;

    private StatelessVersions() {
    }

    /**
     * The version to try again with after {@code error}, or null: the version asked for when the
     * server lists it after all (say, it refused the first attempt for another reason), otherwise
     * the newest stateless version it lists that is older than the one asked for. An older version needs initialize: no retry here.
     */
    static String retryVersion(McpRemoteException error, String asked) {
        if (error.code() != UNSUPPORTED_VERSION) return null;
        JsonNode supported = error.error().path("data").path("supported");
        if (!supported.isArray()) return null;
        String best = null;
        for (JsonNode v : supported) {
            if (!v.isTextual()) continue;
            if (v.asText().equals(asked)) return asked;
            boolean known = v.asText().compareTo(ConnectOptions.FIRST_STATELESS_VERSION) >= 0 && v.asText().compareTo(asked) < 0;
            if (known && (best == null || v.asText().compareTo(best) > 0)) {
                best = v.asText();
            }
        }
        return best;
    }
}
