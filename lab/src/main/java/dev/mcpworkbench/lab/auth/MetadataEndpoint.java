package dev.mcpworkbench.lab.auth;

import com.sun.net.httpserver.HttpExchange;
import dev.mcpworkbench.lab.server.HttpResponses;
import dev.mcpworkbench.lab.server.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Authorization server metadata (RFC 8414), also served as OpenID discovery, and the JWKS. */
final class MetadataEndpoint {

    private final LabAuthorizationServer as;

    MetadataEndpoint(LabAuthorizationServer as) {
        this.as = as;
    }

    /** The well-known paths the metadata is served at, for this issuer. */
    List<String> wellKnownPaths() {
        String path = as.issuer().getRawPath() == null ? "" : as.issuer().getRawPath();
        if (as.has(Misbehaviour.METADATA_ROOT_ONLY)) {
            return List.of("/.well-known/oauth-authorization-server");
        }
        if (path.isEmpty()) {
            return List.of("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration");
        }
        return List.of("/.well-known/oauth-authorization-server" + path, "/.well-known/openid-configuration" + path,
                path + "/.well-known/openid-configuration");
    }

    Map<String, Object> metadata() {
        String issuer = as.issuer().toString();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", as.has(Misbehaviour.WRONG_ISSUER) ? issuer + "/" : issuer);
        m.put("authorization_endpoint", issuer + "/authorize");
        m.put("token_endpoint", issuer + "/token");
        m.put("jwks_uri", as.has(Misbehaviour.UNSAFE_METADATA_URLS) ? "http://10.0.0.5/jwks" : issuer + "/jwks");
        m.put("registration_endpoint", issuer + "/register");
        m.put("scopes_supported", new ArrayList<>(as.settings().scopes()));
        if (!as.has(Misbehaviour.METADATA_INCOMPLETE)) {
            m.put("response_types_supported", List.of("code"));
        }
        m.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials",
                MachineGrants.JWT_BEARER, IdJagIssuer.TOKEN_EXCHANGE));
        m.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none", "private_key_jwt"));
        m.put("token_endpoint_auth_signing_alg_values_supported", List.of("ES256", "ES384", "ES512", "RS256"));
        m.put("code_challenge_methods_supported", challengeMethods());
        m.put("authorization_response_iss_parameter_supported", true);
        m.put("dpop_signing_alg_values_supported", DPoPProofCheck.ALGORITHM_NAMES);
        if (as.cimdSupported()) {
            m.put("client_id_metadata_document_supported", true);
        }
        if (as.has(Misbehaviour.UNSAFE_METADATA_URLS)) {
            m.put("service_documentation", "file:///etc/passwd");
        }
        m.put("subject_types_supported", List.of("public"));
        m.put("id_token_signing_alg_values_supported", List.of("ES256"));
        return m;
    }

    private List<String> challengeMethods() {
        if (as.has(Misbehaviour.NO_S256_ADVERTISED)) {
            return List.of("plain");
        }
        return as.has(Misbehaviour.PKCE_PLAIN) ? List.of("S256", "plain") : List.of("S256");
    }

    void serveMetadata(HttpExchange exchange) throws IOException {
        HttpResponses.json(exchange, 200, Json.write(metadata()));
    }

    void serveJwks(HttpExchange exchange) throws IOException {
        HttpResponses.json(exchange, 200, Json.write(as.tokens().publicKeys().toJSONObject(true)));
    }
}
