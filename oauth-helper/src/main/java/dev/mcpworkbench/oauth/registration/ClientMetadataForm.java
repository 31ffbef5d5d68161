package dev.mcpworkbench.oauth.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The fields a person fills in to author a client ID metadata document: the URL it will be
 * published at (which becomes its client_id), the name, the redirect URIs and the optional fields
 * an authorization server shows or uses. {@link #toJson()} writes only what is filled in, so the
 * validator ({@link CimdValidator}) judges exactly what would be published.
 */
public record ClientMetadataForm(String url, String clientName, List<String> redirectUris, String clientUri, String logoUri,
                                 String scope, String tokenEndpointAuthMethod, String jwksUri, String applicationType) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ClientMetadataForm {
        redirectUris = redirectUris == null ? List.of()
                : redirectUris.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The document, pretty-printed. */
    public String toJson() {
        ObjectNode doc = MAPPER.createObjectNode();
        put(doc, "client_id", url);
        put(doc, "client_name", clientName);
        var redirects = doc.putArray("redirect_uris");
        redirectUris.forEach(redirects::add);
        put(doc, "client_uri", clientUri);
        put(doc, "logo_uri", logoUri);
        put(doc, "scope", scope);
        doc.putArray("grant_types").add("authorization_code").add("refresh_token");
        doc.putArray("response_types").add("code");
        put(doc, "token_endpoint_auth_method", tokenEndpointAuthMethod == null || tokenEndpointAuthMethod.isBlank()
                ? "none" : tokenEndpointAuthMethod);
        put(doc, "jwks_uri", jwksUri);
        put(doc, "application_type", applicationType);
        return doc.toPrettyString();
    }

    private static void put(ObjectNode doc, String key, String value) {
        if (value != null && !value.isBlank()) doc.put(key, value.trim());
    }
}
