package dev.mcpworkbench.app.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import java.util.Optional;

/**
 * A saved connection's client identity: the profile's {@code "oauth"} extension. The client secret
 * is kept apart from the other settings, under {@code "oauth"."clientSecret"}, which the profile
 * store moves to the OS keychain with the connection's header values (the file then holds a
 * reference; plain text only by the user's choice or without a keychain).
 */
public final class ClientIdentityProfiles {

    /** The profile extension key. */
    public static final String KEY = "oauth";
    private static final String SECRET = "clientSecret";

    private ClientIdentityProfiles() {
    }

    /** The identity saved with {@code profile}, if any. A value the flow would refuse throws IllegalArgumentException. */
    public static Optional<ClientIdentity> read(ConnectionProfile profile) {
        JsonNode node = profile.extensions().get(KEY);
        if (node == null || !node.isObject()) return Optional.empty();
        JsonNode secret = node.get(SECRET);
        return Optional.of(ClientIdentity.fromJson(node).withClientSecret(secret != null && secret.isTextual() ? secret.asText() : null));
    }

    /** {@code profile} with {@code identity} saved in it (the other extensions untouched). */
    public static ConnectionProfile write(ConnectionProfile profile, ClientIdentity identity) {
        ObjectNode node = identity.toJson();
        if (identity.clientSecret() != null) node.put(SECRET, identity.clientSecret());
        return profile.withExtension(KEY, node);
    }
}
