package dev.mcpworkbench.lab.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grants of machine clients, no person involved: client credentials (a confidential client, by
 * secret or private_key_jwt) and the JWT bearer grant (RFC 7523 section 2.1) with an assertion from an
 * issuer this server trusts: a workload identity token, or an ID-JAG from an enterprise identity
 * provider, which must name the client presenting it and the resource asked for.
 */
final class MachineGrants {

    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String ID_JAG_TYPE = "oauth-id-jag+jwt";

    private final LabAuthorizationServer as;
    private final TokenEndpoint endpoint;
    /** The thumbprint of the request's DPoP key, binding the tokens issued; null for Bearer tokens. */
    private final String dpopJkt;

    MachineGrants(LabAuthorizationServer as, TokenEndpoint endpoint, String dpopJkt) {
        this.as = as;
        this.endpoint = endpoint;
        this.dpopJkt = dpopJkt;
    }

    void clientCredentials(HttpExchange exchange, Map<String, String> form, RegisteredClient client) throws IOException {
        if (client.isPublic()) {
            OAuthErrors.json(exchange, 400, "unauthorized_client", "a public client cannot use the client credentials grant");
            return;
        }
        issue(exchange, form, client.clientId(), client.clientId());
    }

    /** {@code client} is null when the assertion is the only credential. */
    void jwtBearer(HttpExchange exchange, Map<String, String> form, RegisteredClient client) throws IOException {
        JWTClaimsSet claims;
        String type;
        try {
            claims = as.assertions().bearerAssertion(form.get("assertion"), endpoint.audiences());
            type = String.valueOf(com.nimbusds.jwt.SignedJWT.parse(form.get("assertion").strip()).getHeader().getType());
        } catch (AssertionVerifier.Refused | ParseException e) {
            OAuthErrors.json(exchange, 400, "invalid_grant", "assertion refused: " + e.getMessage());
            return;
        }
        if (ID_JAG_TYPE.equals(type)) {
            String problem = idJagProblem(claims, client, form.get("resource"));
            if (problem != null) {
                OAuthErrors.json(exchange, 400, "invalid_grant", problem);
                return;
            }
        }
        issue(exchange, form, client == null ? claims.getSubject() : client.clientId(), claims.getSubject());
    }

    /** An ID-JAG is for one client and one resource (SEP-990): anyone else presenting it is refused. */
    private static String idJagProblem(JWTClaimsSet claims, RegisteredClient client, String resource) {
        Object jagClient = claims.getClaim("client_id");
        if (client == null || !client.clientId().equals(jagClient)) {
            return "the ID-JAG was issued for client " + jagClient + ", not " + (client == null ? "an unauthenticated one" : client.clientId());
        }
        Object jagResource = claims.getClaim("resource");
        if (jagResource != null && resource != null && !resource.equals(jagResource)) {
            return "the ID-JAG is for resource " + jagResource + ", not " + resource;
        }
        return null;
    }

    private void issue(HttpExchange exchange, Map<String, String> form, String clientId, String subject) throws IOException {
        String resource = form.get("resource");
        if (resource != null && !as.has(Misbehaviour.RESOURCE_IGNORED)
                && as.settings().resources().stream().map(URI::toString).noneMatch(resource::equals)) {
            OAuthErrors.json(exchange, 400, "invalid_target", "unknown resource " + resource);
            return;
        }
        Set<String> scopes = scopes(form.get("scope"));
        Set<String> unknown = new LinkedHashSet<>(scopes);
        unknown.removeAll(as.settings().scopes());
        if (!unknown.isEmpty()) {
            OAuthErrors.json(exchange, 400, "invalid_scope", "unknown scope " + String.join(" ", unknown));
            return;
        }
        endpoint.issue(exchange, new GrantStore.Refresh(clientId, scopes, resource, subject, dpopJkt), null, false);
    }

    static Set<String> scopes(String scope) {
        return scope == null || scope.isBlank() ? Set.of() : new LinkedHashSet<>(List.of(scope.trim().split("\\s+")));
    }
}
