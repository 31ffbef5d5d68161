package dev.mcpworkbench.lab.auth;

import com.sun.net.httpserver.HttpExchange;
import dev.mcpworkbench.lab.server.Caller;
import dev.mcpworkbench.lab.server.HttpResponses;
import dev.mcpworkbench.lab.server.Json;
import dev.mcpworkbench.lab.server.RequestGuard;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The MCP server's side of authorization: bearer token checks (signature, issuer, expiry,
 * audience), 401 challenges pointing at the protected resource metadata, 403 insufficient_scope
 * for privileged tools, and the RFC 9728 metadata document itself. DPoP (RFC 9449): a token bound to
 * a key (cnf.jkt) is taken only with the DPoP scheme and a valid proof of that key for this request;
 * with DPoP required, unbound tokens are refused and the challenges use the DPoP scheme.
 */
public final class ProtectedResource implements RequestGuard {

    public static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    private final URI resource;
    private final LabAuthorizationServer as;
    private final Function<String, String> requiredScopeOfTool;
    private final Set<String> scopes;
    /** This server's own check of DPoP proofs (its nonce is not the authorization server's). */
    private final DPoPProofCheck dpop;

    /**
     * @param resource            the canonical MCP URL tokens must be minted for
     * @param requiredScopeOfTool the scope a tool needs, or null when any valid token will do
     */
    public ProtectedResource(URI resource, LabAuthorizationServer as, Function<String, String> requiredScopeOfTool) {
        this.resource = resource;
        this.as = as;
        this.requiredScopeOfTool = requiredScopeOfTool;
        this.scopes = new TreeSet<>(as.settings().scopes());
        this.dpop = new DPoPProofCheck(as.settings().dpop());
    }

    /** The scheme of challenges that carry no token-specific error: DPoP when only DPoP-bound tokens are taken. */
    private String scheme() {
        return as.settings().dpop().required() ? "DPoP" : "Bearer";
    }

    /** The path-specific metadata URL: {@code <origin>/.well-known/oauth-protected-resource/<path>}. */
    public URI metadataUrl() {
        return URI.create(resource.getScheme() + "://" + resource.getRawAuthority() + METADATA_PATH + resource.getRawPath());
    }

    @Override
    public Optional<Caller> admit(HttpExchange exchange, JSONRPCMessage message) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        boolean dpopScheme = header != null && header.regionMatches(true, 0, "DPoP ", 0, 5);
        String token = dpopScheme ? header.substring(5).trim() : bearerToken(exchange);
        if (token == null) {
            if (as.has(Misbehaviour.UNAUTHENTICATED_ACCESS)) {
                return Optional.of(Caller.LOCAL);
            }
            challenge(exchange, 401, scheme(), null, null, baseScope());
            return Optional.empty();
        }
        AccessTokenClaims claims;
        try {
            claims = as.tokens().verify(token);
            if (!as.has(Misbehaviour.AUDIENCE_NOT_CHECKED) && (claims.audience() == null || !claims.audience().contains(resource.toString()))) {
                throw new TokenService.InvalidTokenException("token was not issued for " + resource);
            }
        } catch (TokenService.InvalidTokenException e) {
            if (as.has(Misbehaviour.BAD_TOKEN_ACCEPTED)) {
                return Optional.of(new Caller("unverified", scopes, true));
            }
            challenge(exchange, 401, scheme(), "invalid_token", e.getMessage(), null);
            return Optional.empty();
        }
        if (!proofOfPossession(exchange, token, claims, dpopScheme)) {
            return Optional.empty();
        }
        String needed = neededScope(message);
        if (needed != null && !claims.scopes().contains(needed)) {
            Set<String> wanted = new LinkedHashSet<>(claims.scopes());
            wanted.add(needed);
            if (as.has(Misbehaviour.WRONG_STEP_UP)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
                HttpResponses.empty(exchange, 403);
            } else {
                challenge(exchange, 403, claims.dpopBound() ? "DPoP" : "Bearer", "insufficient_scope", "this tool needs the " + needed + " scope",
                        String.join(" ", wanted));
            }
            return Optional.empty();
        }
        return Optional.of(new Caller(claims.subject(), claims.scopes(), true));
    }

    /**
     * RFC 9449 section 7: a bound token needs the DPoP scheme and a valid proof of its key (the
     * server's nonce too when demanded); an unbound one must not come with the DPoP scheme, nor at
     * all when DPoP is required. Answers the refusal itself and returns false.
     */
    private boolean proofOfPossession(HttpExchange exchange, String token, AccessTokenClaims claims, boolean dpopScheme) throws IOException {
        if (!claims.dpopBound()) {
            if (dpopScheme || as.settings().dpop().required()) {
                challenge(exchange, 401, "DPoP", "invalid_token", dpopScheme ? "the token is not DPoP-bound (no cnf.jkt)"
                        : "this server takes DPoP-bound tokens only", null);
                return false;
            }
            return true;
        }
        if (!dpopScheme) {
            challenge(exchange, 401, "DPoP", "invalid_token", "a DPoP-bound token must be sent with the DPoP scheme", null);
            return false;
        }
        switch (dpop.resourceRequest(exchange, resource, token, claims.dpopJkt(), claims.clientId())) {
            case DPoPProofCheck.Valid valid -> {
                return true;
            }
            case DPoPProofCheck.NonceNeeded needed -> {
                exchange.getResponseHeaders().set("DPoP-Nonce", needed.nonce());
                challenge(exchange, 401, "DPoP", "use_dpop_nonce", "the DPoP proof must carry the server's nonce", null);
            }
            case DPoPProofCheck.Invalid invalid -> challenge(exchange, 401, "DPoP", "invalid_dpop_proof", invalid.reason(), null);
            case DPoPProofCheck.Absent absent -> challenge(exchange, 401, "DPoP", "invalid_dpop_proof", "no DPoP proof", null);
        }
        return false;
    }

    private String bearerToken(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        if (as.has(Misbehaviour.TOKEN_IN_QUERY)) {
            String raw = exchange.getRequestURI().getRawQuery();
            return raw == null ? null : Forms.parse(raw).get("access_token");
        }
        return null;
    }

    private String neededScope(JSONRPCMessage message) {
        if (message instanceof JSONRPCRequest request && "tools/call".equals(request.method())
                && request.params() instanceof Map<?, ?> params && params.get("name") instanceof String tool) {
            return requiredScopeOfTool.apply(tool);
        }
        return null;
    }

    private String baseScope() {
        return as.has(Misbehaviour.BROAD_SCOPES) ? null : AuthorizeEndpoint.DEFAULT_SCOPE;
    }

    private void challenge(HttpExchange exchange, int status, String scheme, String error, String description, String scope)
            throws IOException {
        List<String> params = new ArrayList<>();
        if (scheme.equals("DPoP")) {
            params.add("algs=\"" + String.join(" ", DPoPProofCheck.ALGORITHM_NAMES) + "\"");
        }
        if (error != null) {
            params.add("error=\"" + error + "\"");
            params.add("error_description=\"" + description.replace("\"", "'") + "\"");
        }
        if (!as.has(Misbehaviour.CHALLENGE_WITHOUT_METADATA)) {
            params.add("resource_metadata=\"" + metadataUrl() + "\"");
        }
        if (scope != null) {
            params.add("scope=\"" + scope + "\"");
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", scheme + " " + String.join(", ", params));
        HttpResponses.json(exchange, status, Json.write(Map.of("error", error == null ? "unauthorized" : error)));
    }

    /** Serves the metadata at the path-specific and the root well-known URL. */
    public void serveMetadata(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        boolean known = path.equals(METADATA_PATH) || path.equals(METADATA_PATH + resource.getRawPath());
        if (!known || as.has(Misbehaviour.NO_RESOURCE_METADATA)) {
            HttpResponses.send(exchange, 404, "text/plain", "Not found");
            return;
        }
        Map<String, Object> prm = new LinkedHashMap<>();
        prm.put("resource", as.has(Misbehaviour.PRM_RESOURCE_MISMATCH) ? "https://notes.example.com" + resource.getRawPath() : resource.toString());
        prm.put("authorization_servers", List.of(as.issuer().toString()));
        List<String> advertised = new ArrayList<>(scopes);
        if (as.has(Misbehaviour.BROAD_SCOPES)) {
            advertised.addAll(List.of("admin", "*", "offline_access"));
        }
        prm.put("scopes_supported", advertised);
        prm.put("bearer_methods_supported", List.of("header"));
        prm.put("dpop_signing_alg_values_supported", DPoPProofCheck.ALGORITHM_NAMES);
        if (as.settings().dpop().required()) {
            prm.put("dpop_bound_access_tokens_required", true);
        }
        prm.put("resource_name", "MCP Workbench lab server");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        HttpResponses.json(exchange, 200, Json.write(prm));
    }
}
