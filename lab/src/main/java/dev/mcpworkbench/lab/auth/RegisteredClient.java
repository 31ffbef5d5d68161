package dev.mcpworkbench.lab.auth;

import java.util.List;

/**
 * A client the authorization server knows: pre-registered, dynamically registered, or described by
 * a client ID metadata document (then {@code clientId} is the document's URL).
 *
 * @param authMethod           client_secret_basic, client_secret_post or none
 * @param anyRedirect          true only when CIMD checks are switched off (the document's redirect list is ignored)
 */
public record RegisteredClient(String clientId, String secret, List<String> redirectUris, String authMethod,
                               String applicationType, String clientName, boolean anyRedirect) {

    public boolean isPublic() {
        return "none".equals(authMethod);
    }
}
