package dev.mcpworkbench.oauth.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import java.net.URI;

/** An authorization server as discovered: the issuer it was looked up by, where, and what it said. */
public record AuthorizationServer(String issuer, URI metadataUrl, AuthorizationServerMetadata metadata, JsonNode raw) {

    public boolean advertisesIssParameter() {
        JsonNode flag = raw.get("authorization_response_iss_parameter_supported");
        return flag != null && flag.asBoolean(false);
    }

    public boolean supportsClientIdMetadataDocuments() {
        JsonNode flag = raw.get("client_id_metadata_document_supported");
        return flag != null && flag.asBoolean(false);
    }

    /** RFC 9449 section 5.1: {@code dpop_signing_alg_values_supported}, empty when the server does not advertise DPoP. */
    public java.util.List<String> dpopSigningAlgorithms() {
        java.util.List<String> algs = new java.util.ArrayList<>();
        raw.path("dpop_signing_alg_values_supported").forEach(a -> algs.add(a.asText()));
        return algs;
    }

    public boolean listsScope(String scope) {
        return metadata.getScopes() != null && metadata.getScopes().contains(scope);
    }
}
