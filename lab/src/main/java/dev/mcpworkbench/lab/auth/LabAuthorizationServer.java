package dev.mcpworkbench.lab.auth;

import com.sun.net.httpserver.HttpExchange;
import dev.mcpworkbench.lab.server.HttpResponses;
import dev.mcpworkbench.lab.server.LabHttpServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's OAuth 2.1 authorization server on 127.0.0.1: RFC 8414 / OpenID discovery metadata,
 * authorization code with PKCE S256 and a consent page, token endpoint with refresh rotation,
 * resource indicators as the JWT aud, iss in the authorization response, DCR behind an initial
 * access token, client ID metadata documents, ES256 JWT access tokens and their JWKS, DPoP-bound tokens
 * (RFC 9449, nonces when the {@link DPoPPolicy} says so), and the switchable {@link Misbehaviour}s.
 * Machine clients: the client credentials grant (client secret or private_key_jwt), the JWT bearer
 * grant (RFC 7523) from issuers it trusts, and, playing an enterprise identity provider, the token
 * exchange of an ID token for an ID-JAG (RFC 8693).
 */
public final class LabAuthorizationServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LabAuthorizationServer.class);

    /** Path issuer used by {@link Misbehaviour#METADATA_ROOT_ONLY} when none was asked for: it only shows on a path issuer. */
    public static final String FORCED_ISSUER_PATH = "/tenant1";

    private final AsSettings settings;
    private final LabHttpServer http;
    private final URI issuer;
    private final TokenService tokens;
    private final ClientRegistry clients;
    private final GrantStore grants = new GrantStore();
    private final AssertionVerifier assertions = new AssertionVerifier();
    private final DPoPProofCheck dpop;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private LabAuthorizationServer(AsSettings settings, int port) {
        this.settings = settings;
        this.http = new LabHttpServer(port);
        String path = settings.issuerPath().isEmpty() && settings.has(Misbehaviour.METADATA_ROOT_ONLY)
                ? FORCED_ISSUER_PATH : settings.issuerPath();
        this.issuer = URI.create(http.origin() + path);
        this.tokens = new TokenService(issuer.toString(), settings.has(Misbehaviour.ALG_NONE));
        this.dpop = new DPoPProofCheck(settings.dpop());
        this.clients = new ClientRegistry(new CimdFetcher(!settings.has(Misbehaviour.CIMD_UNCHECKED), settings.cimdDeniedHosts()));
        MetadataEndpoint metadata = new MetadataEndpoint(this);
        AuthorizeEndpoint authorize = new AuthorizeEndpoint(this);
        metadata.wellKnownPaths().forEach(p -> routes.put(p, metadata::serveMetadata));
        routes.put(path + "/jwks", metadata::serveJwks);
        routes.put(path + "/authorize", authorize::authorize);
        routes.put(path + "/authorize/decision", authorize::decide);
        routes.put(path + "/token", new TokenEndpoint(this)::token);
        routes.put(path + "/register", new RegisterEndpoint(this)::register);
        http.route("/", this::dispatch).start();
    }

    /** Starts an authorization server on a free loopback port. */
    public static LabAuthorizationServer start(AsSettings settings) {
        return new LabAuthorizationServer(settings, 0);
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try {
            Handler handler = routes.get(exchange.getRequestURI().getRawPath());
            if (handler == null) {
                HttpResponses.send(exchange, 404, "text/plain", "Not found");
            } else {
                handler.handle(exchange);
            }
        } catch (RuntimeException e) {
            LOG.warn("authorization server request failed: {}", e.toString());
            HttpResponses.send(exchange, 500, "text/plain", "Internal error");
        }
    }

    public URI issuer() {
        return issuer;
    }

    public AsSettings settings() {
        return settings;
    }

    public boolean has(Misbehaviour misbehaviour) {
        return settings.has(misbehaviour);
    }

    boolean cimdSupported() {
        return !has(Misbehaviour.NO_CIMD);
    }

    /** Mints and verifies access tokens; tests use it to make expired or wrong-audience tokens. */
    public TokenService tokens() {
        return tokens;
    }

    /** Pre-registered client credentials and the DCR initial access token. */
    public ClientRegistry clients() {
        return clients;
    }

    GrantStore grants() {
        return grants;
    }

    /** The keys client assertions and JWT bearer assertions are checked against. */
    public AssertionVerifier assertions() {
        return assertions;
    }

    /**
     * Pre-registers a confidential client that authenticates with {@code private_key_jwt}: assertions it
     * signs with the private half of {@code publicKey} (iss and sub {@code clientId}, aud this issuer).
     */
    public void registerKeyClient(String clientId, com.nimbusds.jose.jwk.JWK publicKey) {
        clients.register(new RegisteredClient(clientId, null, List.of(ClientRegistry.LOOPBACK_REDIRECT), "private_key_jwt", "web",
                "Lab key client " + clientId, false));
        assertions.registerClientKey(clientId, publicKey);
    }

    /** The public key other servers trust for ID-JAGs and ID tokens this server signs. */
    public com.nimbusds.jose.jwk.JWK signingKey() {
        return tokens.publicKeys().getKeys().get(0);
    }

    /** The token endpoint's check of DPoP proofs, with its own nonce. */
    DPoPProofCheck dpop() {
        return dpop;
    }

    /** The token endpoint's URL, the htu of proofs sent to it. */
    URI tokenEndpoint() {
        return URI.create(issuer + "/token");
    }

    /** Convenience for tests: a valid token for {@code resource} with {@code scopes}. */
    public String mintAccessToken(URI resource, Set<String> scopes) {
        return tokens.mint(AuthorizeEndpoint.SUBJECT, ClientRegistry.PUBLIC_CLIENT_ID, List.of(resource.toString()), scopes,
                TokenService.ACCESS_TOKEN_TTL);
    }

    /** Convenience for tests: an already expired token for {@code resource}. */
    public String mintExpiredAccessToken(URI resource, Set<String> scopes) {
        return tokens.mint(AuthorizeEndpoint.SUBJECT, ClientRegistry.PUBLIC_CLIENT_ID, List.of(resource.toString()), scopes,
                Duration.ofSeconds(-60));
    }

    @Override
    public void close() {
        http.close();
    }
}
