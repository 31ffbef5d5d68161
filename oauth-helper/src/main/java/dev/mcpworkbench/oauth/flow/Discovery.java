package dev.mcpworkbench.oauth.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import dev.mcpworkbench.oauth.challenge.Challenge;
import dev.mcpworkbench.oauth.challenge.ChallengeParseException;
import dev.mcpworkbench.oauth.challenge.WwwAuthenticateParser;
import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.metadata.ProtectedResourceMetadata;
import dev.mcpworkbench.oauth.metadata.ResourceUris;
import dev.mcpworkbench.oauth.metadata.UrlSafety;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The discovery half of the flow: probe, challenge, protected resource metadata, authorization server metadata. */
final class Discovery {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** URL members of authorization server metadata: every one is checked (OAUTH-011) before use. */
    private static final List<String> URL_MEMBERS = List.of("authorization_endpoint", "token_endpoint", "registration_endpoint",
            "jwks_uri", "service_documentation", "op_policy_uri", "op_tos_uri", "revocation_endpoint", "introspection_endpoint",
            "userinfo_endpoint", "end_session_endpoint", "pushed_authorization_request_endpoint");
    /** Without these the flow cannot go on safely. */
    private static final List<String> REQUIRED_URL_MEMBERS = List.of("authorization_endpoint", "token_endpoint",
            "registration_endpoint", "jwks_uri");
    private static final String PROBE_BODY = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"mcp-workbench-probe\",\"version\":\"1\"}}}";

    private final RecordingHttpClient http;
    private final FlowTrace trace;
    private final URI server;

    Discovery(RecordingHttpClient http, FlowTrace trace, URI server) {
        this.http = http;
        this.trace = trace;
        this.server = server;
    }

    /** Step 1: the MCP initialize request without a token. */
    HttpExchange probe() throws FlowException {
        FlowStep step = trace.start(StepKind.PROBE);
        step.input("url", server.toString());
        HttpExchange exchange = http.send("POST", server, Map.of(
                "Content-Type", List.of("application/json"),
                "Accept", List.of("application/json, text/event-stream")), PROBE_BODY, trace.sink(step));
        if (!exchange.answered()) {
            throw trace.fail(step, "the server did not answer: " + exchange.error());
        }
        step.output("status", String.valueOf(exchange.status()));
        if (exchange.status() / 100 == 2) {
            if (!UrlSafety.isLoopbackHost(server.getHost())) {
                trace.raise(step, OAuthFinding.fail("OAUTH-001", StepKind.PROBE,
                        "The remote server answered initialize without a token", "POST " + server + " -> " + exchange.status()));
            } else {
                advertisedProtection(step).ifPresent(prmUrl -> trace.raise(step, OAuthFinding.fail("OAUTH-001", StepKind.PROBE,
                        "The server publishes protected resource metadata (" + prmUrl + ") but answered initialize without a token",
                        "POST " + server + " -> " + exchange.status())));
            }
        }
        trace.pass(step);
        return exchange;
    }

    /**
     * A local server is usually a development server that needs no token, so answering without one
     * is only a finding when the server itself claims protection: protected resource metadata
     * naming an authorization server at one of its well-known URLs.
     */
    private Optional<URI> advertisedProtection(FlowStep step) {
        for (URI url : ResourceUris.protectedResourceMetadataCandidates(server)) {
            HttpExchange exchange = http.get(url, "application/json", trace.sink(step));
            if (!exchange.answered() || exchange.status() != 200) continue;
            try {
                if (!ProtectedResourceMetadata.parse(exchange.responseBody()).authorizationServers().isEmpty()) return Optional.of(url);
            } catch (ProtectedResourceMetadata.InvalidMetadataException notMetadata) {
                // not a claim of protection
            }
        }
        return Optional.empty();
    }

    /** Reads the Bearer (or DPoP) challenge of a 401/403 (from the probe or from a later MCP request). */
    Optional<Challenge> challenge(FlowStep step, int status, List<String> wwwAuthenticate) {
        String shown = excerpt(String.join(" | ", wwwAuthenticate));
        step.output("WWW-Authenticate", shown);
        List<Challenge> challenges;
        try {
            challenges = WwwAuthenticateParser.parse(wwwAuthenticate);
        } catch (ChallengeParseException e) {
            trace.raise(step, OAuthFinding.fail("OAUTH-002", step.kind(),
                    "WWW-Authenticate is not valid RFC 9110 syntax: " + OAuthErrors.oneLine(e.getMessage()), shown));
            return Optional.empty();
        }
        Optional<Challenge> bearer = Challenge.forToken(challenges);
        if (bearer.isEmpty()) {
            trace.raise(step, OAuthFinding.fail("OAUTH-002", step.kind(),
                    status + " without a WWW-Authenticate: Bearer (or DPoP) challenge", shown));
        } else if (bearer.get().param("resource_metadata").isEmpty()) {
            trace.raise(step, OAuthFinding.warn("OAUTH-002", step.kind(),
                    "The " + bearer.get().scheme() + " challenge has no resource_metadata parameter", shown));
        }
        if (Challenge.demandsDPoP(challenges)) {
            step.output("token type demanded", "DPoP (the server challenges with DPoP only)");
        }
        bearer.ifPresent(b -> {
            b.param("scope").ifPresent(s -> step.output("challenge scope", s));
            b.param("error").ifPresent(s -> step.output("challenge error", s));
        });
        return bearer;
    }

    /** A server's header as evidence: whole when it is of a sane size, else its start and its size. */
    static String excerpt(String header) {
        int limit = 2048;
        return header.length() <= limit ? header
                : header.substring(0, limit) + "... (" + header.length() + " characters in all)";
    }

    /** Step 2: RFC 9728 metadata, from the challenge's URL, else the path-inserted URL, else the root. */
    ProtectedResourceMetadata protectedResourceMetadata(Optional<Challenge> challenge) throws FlowException {
        FlowStep step = trace.start(StepKind.PROTECTED_RESOURCE_METADATA);
        List<URI> candidates = new java.util.ArrayList<>();
        Optional<String> fromHeader = challenge.flatMap(c -> c.param("resource_metadata"));
        if (fromHeader.isPresent()) {
            URI url = parseUri(fromHeader.get());
            if (url == null || !safeToFetch(step, url, "resource_metadata URL")) {
                throw trace.fail(step, "the resource_metadata URL cannot be used: " + fromHeader.get());
            }
            candidates.add(url);
        }
        candidates.addAll(ResourceUris.protectedResourceMetadataCandidates(server));
        step.input("candidates", candidates.toString());
        String lastProblem = "no candidate answered";
        for (URI url : candidates) {
            HttpExchange exchange = http.get(url, "application/json", trace.sink(step));
            if (!exchange.answered() || exchange.status() != 200) {
                lastProblem = url + " -> " + (exchange.answered() ? exchange.status() : exchange.error());
                step.note("Not found at " + lastProblem);
                continue;
            }
            ProtectedResourceMetadata prm;
            try {
                prm = ProtectedResourceMetadata.parse(exchange.responseBody());
            } catch (ProtectedResourceMetadata.InvalidMetadataException e) {
                trace.raise(step, OAuthFinding.fail("OAUTH-004", step.kind(),
                        "Protected resource metadata is invalid: " + e.getMessage(), url.toString()));
                lastProblem = url + " is invalid: " + e.getMessage();
                continue;
            }
            step.output("url", url.toString());
            step.output("resource", prm.resource());
            step.output("authorization_servers", String.join(" ", prm.authorizationServers()));
            noteRootOnly(step, url, fromHeader.isPresent());
            checkResource(step, prm);
            checkScopes(step, challenge, prm);
            trace.pass(step);
            return prm;
        }
        trace.raise(step, OAuthFinding.fail("OAUTH-003", step.kind(),
                "No protected resource metadata at any candidate URL", candidates.toString()));
        if (fromHeader.isPresent()) {
            // the server named its metadata and it is not there: guessing would hide the fault
            throw trace.fail(step, "no protected resource metadata (" + lastProblem + ")");
        }
        URI origin = ResourceUris.origin(server);
        step.note("No protected resource metadata: falling back to 2025-03-26 discovery, with the authorization "
                + "server at the MCP server's origin " + origin);
        step.output("discovery", "2025-03-26 fallback");
        trace.pass(step);
        return ProtectedResourceMetadata.impliedByRevision20250326(ResourceUris.canonical(server), origin);
    }

    private void noteRootOnly(FlowStep step, URI url, boolean fromHeader) {
        boolean serverHasPath = !ResourceUris.canonical(server).getRawPath().isEmpty();
        boolean root = url.getRawPath().equals("/.well-known/oauth-protected-resource");
        if (!fromHeader && serverHasPath && root) {
            trace.raise(step, OAuthFinding.warn("OAUTH-003", step.kind(),
                    "Protected resource metadata found only at the root for a server with a path", url.toString()));
        }
    }

    private void checkResource(FlowStep step, ProtectedResourceMetadata prm) throws FlowException {
        URI declared = prm.resourceUri().orElse(null);
        URI canonical = ResourceUris.canonical(server);
        if (declared == null || !declared.isAbsolute() || declared.getHost() == null) {
            trace.raise(step, OAuthFinding.fail("OAUTH-004", step.kind(), "'resource' is not an absolute URL", prm.resource()));
            throw trace.fail(step, "the metadata's resource is not a URL: " + prm.resource());
        }
        if (declared.getRawFragment() != null) {
            trace.raise(step, OAuthFinding.fail("OAUTH-005", step.kind(), "'resource' carries a fragment", prm.resource()));
            throw trace.fail(step, "the metadata's resource carries a fragment");
        }
        if (!ResourceUris.sameOrigin(declared, canonical)) {
            trace.raise(step, OAuthFinding.fail("OAUTH-005", step.kind(),
                    "'resource' names another origin than the server", prm.resource() + " vs " + canonical));
            throw trace.fail(step, "resource mismatch: metadata names " + prm.resource() + ", server is " + canonical);
        }
        URI declaredCanonical = ResourceUris.canonical(declared);
        if (!declaredCanonical.equals(canonical)) {
            String dp = declaredCanonical.getRawPath();
            boolean prefix = canonical.getRawPath().startsWith(dp + "/") || dp.isEmpty();
            if (!prefix) {
                trace.raise(step, OAuthFinding.fail("OAUTH-005", step.kind(),
                        "'resource' names another path than the server", prm.resource() + " vs " + canonical));
                throw trace.fail(step, "resource mismatch: metadata names " + prm.resource() + ", server is " + canonical);
            }
            trace.raise(step, OAuthFinding.warn("OAUTH-005", step.kind(),
                    "'resource' is a path prefix of the server URL, not the server URL itself", prm.resource() + " vs " + canonical));
        }
    }

    private void checkScopes(FlowStep step, Optional<Challenge> challenge, ProtectedResourceMetadata prm) {
        List<String> challenged = challenge.map(Challenge::scopes).orElse(List.of());
        if (challenged.isEmpty() && prm.scopesSupported().isEmpty()) {
            trace.raise(step, OAuthFinding.warn("OAUTH-006", step.kind(),
                    "Neither the challenge nor the metadata names a scope: clients cannot ask for least privilege", ""));
        }
        List<String> all = new java.util.ArrayList<>(challenged);
        all.addAll(prm.scopesSupported());
        for (String scope : all) {
            String s = scope.toLowerCase(Locale.ROOT);
            if (s.equals("*") || s.equals("all") || s.equals("admin") || s.equals("full-access") || s.endsWith(":*")) {
                trace.raise(step, OAuthFinding.warn("OAUTH-006", step.kind(), "Over-broad scope advertised: " + scope, scope));
            }
        }
        if (prm.scopesSupported().size() > 10) {
            trace.raise(step, OAuthFinding.warn("OAUTH-006", step.kind(),
                    "More than 10 scopes advertised (" + prm.scopesSupported().size() + ")", ""));
        }
        if (prm.scopesSupported().contains("offline_access")) {
            trace.raise(step, OAuthFinding.warn("OAUTH-006", step.kind(),
                    "offline_access advertised by the resource (it belongs to the authorization server)", ""));
        }
    }

    /** Step 3: RFC 8414 / OpenID metadata at the spec's candidate URLs; the issuer must match exactly. */
    AuthorizationServer authorizationServer(ProtectedResourceMetadata prm) throws FlowException {
        FlowStep step = trace.start(StepKind.AUTHORIZATION_SERVER_METADATA);
        String issuer = prm.authorizationServers().get(0);
        step.input("issuer", issuer);
        URI issuerUri = parseUri(issuer);
        if (issuerUri == null || !safeToFetch(step, issuerUri, "authorization server")) {
            throw trace.fail(step, "the authorization server URL cannot be used: " + issuer);
        }
        List<URI> candidates = ResourceUris.authorizationServerMetadataCandidates(issuerUri);
        step.input("candidates", candidates.toString());
        boolean mismatched = false;
        for (URI url : candidates) {
            HttpExchange exchange = http.get(url, "application/json", trace.sink(step));
            if (!exchange.answered() || exchange.status() != 200) {
                step.note("Not found at " + url + " -> " + (exchange.answered() ? exchange.status() : exchange.error()));
                continue;
            }
            Optional<AuthorizationServer> as = parseServerMetadata(step, issuer, url, exchange);
            if (as.isEmpty()) {
                mismatched = true;
                continue;
            }
            checkServerMetadata(step, as.get(), exchange);
            trace.pass(step);
            return as.get();
        }
        if (!mismatched && prm.implied()) {
            return defaultEndpoints(step, issuerUri, candidates);
        }
        if (!mismatched) {
            trace.raise(step, OAuthFinding.fail("OAUTH-012", step.kind(),
                    "No authorization server metadata at any candidate URL", candidates.toString()));
        }
        throw trace.fail(step, mismatched
                ? "no usable authorization server metadata for issuer " + issuer
                : "no authorization server metadata for issuer " + issuer);
    }

    /**
     * The 2025-03-26 revision's last resort for a server without any metadata: /authorize, /token
     * and /register at its origin, with PKCE S256 (which that revision requires of every client).
     */
    private AuthorizationServer defaultEndpoints(FlowStep step, URI origin, List<URI> candidates) throws FlowException {
        String base = origin.toString();
        com.fasterxml.jackson.databind.node.ObjectNode implied = MAPPER.createObjectNode()
                .put("issuer", base)
                .put("authorization_endpoint", base + "/authorize")
                .put("token_endpoint", base + "/token")
                .put("registration_endpoint", base + "/register");
        implied.putArray("response_types_supported").add("code");
        implied.putArray("code_challenge_methods_supported").add("S256");
        implied.put(ProtectedResourceMetadata.IMPLIED_MEMBER, "no authorization server metadata: 2025-03-26 default endpoints");
        trace.raise(step, OAuthFinding.warn("OAUTH-012", step.kind(),
                "No authorization server metadata; used the 2025-03-26 default endpoints /authorize, /token, /register",
                candidates.toString()));
        step.note("No authorization server metadata at " + candidates + ": using the 2025-03-26 default endpoints at " + base);
        step.output("authorization_endpoint", base + "/authorize");
        step.output("token_endpoint", base + "/token");
        try {
            AuthorizationServer as = new AuthorizationServer(base, origin, AuthorizationServerMetadata.parse(implied.toString()), implied);
            trace.pass(step);
            return as;
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw trace.fail(step, "cannot build the 2025-03-26 default endpoints: " + e.getMessage());
        }
    }

    private Optional<AuthorizationServer> parseServerMetadata(FlowStep step, String issuer, URI url, HttpExchange exchange) {
        JsonNode raw;
        try {
            raw = MAPPER.readTree(exchange.responseBody());
        } catch (Exception e) {
            trace.raise(step, OAuthFinding.fail("OAUTH-014", step.kind(), "Authorization server metadata is not JSON", url.toString()));
            return Optional.empty();
        }
        if (raw == null || !raw.isObject()) {
            trace.raise(step, OAuthFinding.fail("OAUTH-014", step.kind(), "Authorization server metadata is not a JSON object", url.toString()));
            return Optional.empty();
        }
        String declared = raw.path("issuer").asText("");
        if (!declared.equals(issuer)) {
            trace.raise(step, OAuthFinding.fail("OAUTH-013", step.kind(),
                    "The metadata's issuer differs from the issuer it was looked up by; it was not used",
                    "expected " + issuer + ", got " + declared + " at " + url));
            return Optional.empty();
        }
        for (String member : List.of("authorization_endpoint", "token_endpoint")) {
            if (!raw.hasNonNull(member)) {
                trace.raise(step, OAuthFinding.fail("OAUTH-014", step.kind(), "Authorization server metadata has no " + member, url.toString()));
                return Optional.empty();
            }
        }
        com.fasterxml.jackson.databind.node.ObjectNode usable = ((com.fasterxml.jackson.databind.node.ObjectNode) raw).deepCopy();
        for (String member : URL_MEMBERS) {
            JsonNode value = raw.get(member);
            if (value == null || value.isNull()) {
                continue;
            }
            URI target = parseUri(value.asText());
            if (target == null || !safeToFetch(step, target, member)) {
                if (REQUIRED_URL_MEMBERS.contains(member)) {
                    return Optional.empty();
                }
                usable.remove(member);
            }
        }
        try {
            return Optional.of(new AuthorizationServer(issuer, url, AuthorizationServerMetadata.parse(usable.toString()), raw));
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            trace.raise(step, OAuthFinding.fail("OAUTH-014", step.kind(),
                    "Authorization server metadata does not parse: " + e.getMessage(), url.toString()));
            return Optional.empty();
        }
    }

    private void checkServerMetadata(FlowStep step, AuthorizationServer as, HttpExchange exchange) throws FlowException {
        step.output("url", as.metadataUrl().toString());
        step.output("authorization_endpoint", String.valueOf(as.metadata().getAuthorizationEndpointURI()));
        step.output("token_endpoint", String.valueOf(as.metadata().getTokenEndpointURI()));
        String type = exchange.responseHeader("Content-Type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            trace.raise(step, OAuthFinding.fail("OAUTH-014", step.kind(), "Metadata is not served as application/json", type));
        }
        List<String> responseTypes = ProtectedResourceMetadataAccess.strings(as.raw().get("response_types_supported"));
        if (!responseTypes.contains("code")) {
            trace.raise(step, OAuthFinding.fail("OAUTH-014", step.kind(), "response_types_supported does not list code", responseTypes.toString()));
        }
        checkPkce(step, as);
        if (!as.supportsClientIdMetadataDocuments()) {
            trace.raise(step, OAuthFinding.warn("OAUTH-019", step.kind(),
                    "The authorization server does not support client ID metadata documents", ""));
            if (as.metadata().getRegistrationEndpointURI() != null) {
                trace.raise(step, OAuthFinding.info("OAUTH-019", step.kind(),
                        "Registration only through dynamic client registration (deprecated in 2026-07-28)", ""));
            }
        }
    }

    private void checkPkce(FlowStep step, AuthorizationServer as) throws FlowException {
        List<CodeChallengeMethod> methods = as.metadata().getCodeChallengeMethods();
        if (methods == null || !methods.contains(CodeChallengeMethod.S256)) {
            trace.raise(step, OAuthFinding.fail("OAUTH-015", step.kind(),
                    "PKCE S256 is not advertised (code_challenge_methods_supported)", String.valueOf(methods)));
            throw trace.fail(step, "the authorization server does not advertise PKCE S256; refusing to proceed");
        }
        if (methods.contains(CodeChallengeMethod.PLAIN)) {
            trace.raise(step, OAuthFinding.warn("OAUTH-015", step.kind(), "PKCE plain is allowed", methods.toString()));
        }
    }

    /**
     * OAUTH-011: refuses bad schemes, cleartext, loopback targets handed over by a remote server, and
     * private addresses unless they are the server's own host.
     */
    boolean safeToFetch(FlowStep step, URI url, String what) {
        Optional<UrlSafety.Problem> problem = UrlSafety.check(url, server);
        if (problem.isEmpty()) {
            return true;
        }
        trace.raise(step, OAuthFinding.fail("OAUTH-011", step.kind(),
                "The " + what + " " + problem.get().text(), url.toString()));
        return false;
    }

    static URI parseUri(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() ? uri : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Package access to the metadata string-list helper. */
    static final class ProtectedResourceMetadataAccess {
        static List<String> strings(JsonNode node) {
            List<String> out = new java.util.ArrayList<>();
            if (node != null && node.isArray()) {
                node.forEach(n -> out.add(n.asText()));
            }
            return out;
        }
    }
}
