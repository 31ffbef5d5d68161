package dev.mcpworkbench.oauth.registration;

import dev.mcpworkbench.oauth.http.SecretMasker;
import java.net.URI;

/** The client identity used with one authorization server. The secret never shows in {@link #toString()}. */
public record ClientRegistration(Kind kind, String issuer, String clientId, String clientSecret, String authMethod,
                                 URI redirectUri) {

    /** How the client got its identity, in the order the flow tries them. */
    public enum Kind {
        PRE_REGISTERED("pre-registered"),
        CLIENT_ID_METADATA_DOCUMENT("client ID metadata document"),
        DYNAMIC("dynamic client registration");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public boolean hasSecret() {
        return clientSecret != null && !clientSecret.isEmpty();
    }

    @Override
    public String toString() {
        if (clientId == null) return "no client id at " + issuer + " (the JWT bearer assertion alone)";
        return kind.title() + " client " + clientId + " at " + issuer + " (" + authMethod
                + (hasSecret() ? ", secret " + SecretMasker.mask(clientSecret) : "") + ")";
    }
}
