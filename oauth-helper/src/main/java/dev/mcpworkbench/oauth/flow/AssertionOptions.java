package dev.mcpworkbench.oauth.flow;

import dev.mcpworkbench.oauth.registration.ClientKey;
import java.net.URI;
import java.util.function.Supplier;

/**
 * The JWTs a machine client presents instead of a person (RFC 7523), all optional.
 *
 * @param clientKey          signs a {@code private_key_jwt} client assertion at the token endpoint (section 2.2),
 *                           for every grant including refresh
 * @param jwtBearerAssertion a JWT from elsewhere (a workload identity token) exchanged for tokens with the
 *                           JWT bearer grant (section 2.1); asked for each time the grant runs, so a rotated
 *                           token file is read fresh
 * @param idJag              enterprise-managed authorization: get an ID-JAG from the enterprise identity
 *                           provider first (RFC 8693 token exchange), then use it as the JWT bearer assertion
 */
public record AssertionOptions(ClientKey clientKey, Supplier<String> jwtBearerAssertion, IdJag idJag) {

    public static final AssertionOptions NONE = new AssertionOptions(null, null, null);

    /** True when a grant other than the authorization code or client credentials was chosen. */
    public boolean jwtBearerGrant() {
        return jwtBearerAssertion != null || idJag != null;
    }

    public AssertionOptions withClientKey(ClientKey key) {
        return new AssertionOptions(key, jwtBearerAssertion, idJag);
    }

    public AssertionOptions withJwtBearerAssertion(Supplier<String> assertion) {
        return new AssertionOptions(clientKey, assertion, idJag);
    }

    public AssertionOptions withIdJag(IdJag options) {
        return new AssertionOptions(clientKey, jwtBearerAssertion, options);
    }

    /**
     * Where and how to get an Identity Assertion JWT Authorization Grant.
     *
     * @param tokenEndpoint the identity provider's token endpoint
     * @param clientId      this client's id at the identity provider
     * @param clientSecret  its secret there (client_secret_basic), or null for none
     * @param idToken       the user's ID token from that identity provider (the subject token), read when needed
     */
    public record IdJag(URI tokenEndpoint, String clientId, String clientSecret, Supplier<String> idToken) {
        public IdJag {
            if (tokenEndpoint == null || idToken == null) {
                throw new IllegalArgumentException("an ID-JAG needs the identity provider's token endpoint and an ID token");
            }
        }

        @Override
        public String toString() {
            return "ID-JAG from " + tokenEndpoint + " as " + clientId;
        }
    }
}
