package dev.mcpworkbench.oauth.flow;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.mcpworkbench.oauth.challenge.Challenge;
import dev.mcpworkbench.oauth.dpop.DPoPNonceDemand;
import dev.mcpworkbench.oauth.dpop.DPoPProofs;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.metadata.ProtectedResourceMetadata;
import dev.mcpworkbench.oauth.metadata.ResourceUris;
import dev.mcpworkbench.oauth.registration.LoopbackClientMetadata;
import dev.mcpworkbench.oauth.registration.ClientRegistration;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import dev.mcpworkbench.oauth.token.TokenSet;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The MCP authorization flow for one server, step by step: probe, protected resource metadata,
 * authorization server metadata, registration, authorization request, callback, token request,
 * authenticated request. Every step lands in the {@link FlowTrace} with its exchanges and findings.
 */
public final class OAuthFlow implements AutoCloseable {

    private final URI server;
    /** The server's canonical URI: the resource indicator until its metadata publishes one. */
    private final URI canonicalServer;
    private final FlowOptions options;
    private final RecordingHttpClient http;
    private final FlowTrace trace;
    private final RegistrationStore store;
    private final Discovery discovery;
    private LoopbackClientMetadata servedDocument;
    /** The session's DPoP key, made when the first DPoP-bound token is asked for and kept for refreshes. */
    private DPoPProofs dpop;
    private volatile ExchangeInterceptor interceptor = ExchangeInterceptor.PASS;
    /** Set by the first cancelled request of an authorization: its fallbacks are not offered one by one. */
    private volatile String cancelled;

    public OAuthFlow(URI server, FlowOptions options, RecordingHttpClient http, FlowTrace trace, RegistrationStore store) {
        this.server = server;
        this.canonicalServer = ResourceUris.canonical(server);
        this.options = options;
        this.http = http;
        this.trace = trace;
        this.store = store;
        this.discovery = new Discovery(http, trace, server);
    }

    public FlowTrace trace() {
        return trace;
    }

    /**
     * Every request of the flow goes through {@code replacement} before it is sent (step-in mode).
     * Installs a hook on this flow's HTTP client: the client is the flow's own.
     */
    public void interceptWith(ExchangeInterceptor replacement) {
        this.interceptor = replacement == null ? ExchangeInterceptor.PASS : replacement;
        http.hook((draft, sink) -> {
            if (cancelled != null) throw new dev.mcpworkbench.oauth.http.RequestCancelledException(cancelled);
            StepKind kind = FlowTrace.stepOf(sink).map(FlowStep::kind).orElse(StepKind.PROBE);
            try {
                return interceptor.intercept(kind, draft);
            } catch (dev.mcpworkbench.oauth.http.RequestCancelledException e) {
                cancelled = e.getMessage();
                throw e;
            }
        });
    }

    /** The MCP server's URL as given: where MCP requests go. */
    public URI server() {
        return server;
    }

    /** The server's canonical URI, which {@link #resourceIndicator} falls back to. */
    public URI canonicalServer() {
        return canonicalServer;
    }

    /**
     * The {@code resource} sent on the authorization and token requests (RFC 8707): the identifier
     * the protected resource metadata publishes, character for character, since the authorization
     * server compares it as a string with what it knows of the resource; normalizing it (a "/" added
     * or removed, a host's case changed) makes a different resource. Discovery has already refused
     * an identifier of another origin or path, or one that is not an absolute URL.
     */
    static URI resourceIndicator(ProtectedResourceMetadata prm, URI canonicalServer) {
        return prm.resourceUri().filter(u -> u.isAbsolute() && u.getHost() != null).orElse(canonicalServer);
    }

    /** Step 1: the MCP request without a token. */
    public HttpExchange probe() throws FlowException {
        cancelled = null;
        return discovery.probe();
    }

    /**
     * Steps 2 to 8, starting from a 401/403 challenge. {@code previousScopes} are unioned into the
     * request (step-up keeps what was granted before).
     */
    public AuthorizationResult authorize(int status, List<String> wwwAuthenticate, Set<String> previousScopes)
            throws FlowException {
        cancelled = null;
        FlowStep challengeStep = trace.start(StepKind.PROBE);
        challengeStep.input("status", String.valueOf(status));
        Optional<Challenge> challenge = discovery.challenge(challengeStep, status, wwwAuthenticate);
        trace.pass(challengeStep);
        ProtectedResourceMetadata prm = discovery.protectedResourceMetadata(challenge);
        AuthorizationServer as = discovery.authorizationServer(prm);
        URI resource = resourceIndicator(prm, canonicalServer);
        DPoPProofs binding = dpopFor(challenge, prm);
        if (options.assertions().jwtBearerGrant() || options.clientCredentials()) {
            return machineGrant(prm, as, resource, challenge, previousScopes, binding);
        }
        try (CallbackListener listener = openListener()) {
            ClientRegistration client = new Registrar(http, trace, store, options, this::servedDocument)
                    .register(as, listener.redirectUri());
            Set<String> scopes = ScopeSelection.select(options.scope(), challenge, prm, as, previousScopes);
            CodeVerifier verifier = new CodeVerifier();
            State state = new State();
            URI callback = authorizationRequest(as, client, resource, scopes, verifier, state, listener);
            FlowStep callbackStep = trace.start(StepKind.CALLBACK);
            String code = new CallbackValidation(trace).validate(callbackStep, callback, state.getValue(), as);
            trace.pass(callbackStep);
            TokenSet tokens = new TokenExchange(http, trace, options.assertions().clientKey(), binding)
                    .redeem(as, client, code, verifier, resource, scopes);
            AuthorizationResult result = new AuthorizationResult(prm, as, client, resource, scopes, tokens);
            authenticatedRequest(tokens);
            return result;
        }
    }

    /**
     * Steps 4 and 7 without a person (no authorization request, no callback): the client credentials
     * grant, or the JWT bearer grant with a workload identity token or with an ID-JAG obtained first
     * from the enterprise identity provider.
     */
    private AuthorizationResult machineGrant(ProtectedResourceMetadata prm, AuthorizationServer as, URI resource,
                                             Optional<Challenge> challenge, Set<String> previousScopes, DPoPProofs binding)
            throws FlowException {
        AssertionOptions assertions = options.assertions();
        Registrar registrar = new Registrar(http, trace, store, options, this::servedDocument);
        ClientRegistration client = assertions.jwtBearerGrant() ? registrar.jwtBearerClient(as) : registrar.machineClient(as);
        Set<String> scopes = ScopeSelection.select(options.scope(), challenge, prm, as, previousScopes);
        TokenExchange tokenEndpoint = new TokenExchange(http, trace, assertions.clientKey(), binding);
        TokenSet tokens;
        if (assertions.idJag() != null) {
            String idJag = new IdJagExchange(http, trace).exchange(assertions.idJag(), as, resource, scopes);
            tokens = tokenEndpoint.jwtBearer(as, client, idJag, resource, scopes);
        } else if (assertions.jwtBearerAssertion() != null) {
            tokens = tokenEndpoint.jwtBearer(as, client, workloadToken(assertions), resource, scopes);
        } else {
            tokens = tokenEndpoint.clientCredentials(as, client, resource, scopes);
        }
        AuthorizationResult result = new AuthorizationResult(prm, as, client, resource, scopes, tokens);
        authenticatedRequest(tokens);
        return result;
    }

    /** The workload identity token, read now (a projected token file may have been rotated since the last grant). */
    private String workloadToken(AssertionOptions assertions) throws FlowException {
        try {
            return assertions.jwtBearerAssertion().get();
        } catch (RuntimeException e) {
            throw new FlowException(StepKind.TOKEN_REQUEST, "cannot read the JWT bearer assertion: " + e.getMessage());
        }
    }

    /**
     * The session's DPoP key when this authorization asks for bound tokens: the user chose DPoP, or the
     * server demands it (a DPoP-only challenge, or dpop_bound_access_tokens_required in its metadata).
     * The authorization server advertising DPoP alone does not turn it on: a server that only knows
     * Bearer would refuse the bound token. Null for Bearer tokens.
     */
    private synchronized DPoPProofs dpopFor(Optional<Challenge> challenge, ProtectedResourceMetadata prm) {
        boolean demanded = challenge.map(c -> c.isScheme("DPoP")).orElse(false) || prm.dpopBoundAccessTokensRequired();
        if (!options.dpop() && !demanded) return null;
        if (dpop == null) dpop = DPoPProofs.generate();
        return dpop;
    }

    /** The session's DPoP key, if a bound token was asked for. */
    public synchronized Optional<DPoPProofs> dpop() {
        return Optional.ofNullable(dpop);
    }

    /** The loopback client metadata document, served from the first flow that needs it until {@link #close()}. */
    private synchronized LoopbackClientMetadata servedDocument() {
        if (servedDocument == null) servedDocument = LoopbackClientMetadata.start(options.clientName());
        return servedDocument;
    }

    /** Stops serving the client metadata document, if one was served (the AS may fetch it again until then). */
    @Override
    public synchronized void close() {
        if (servedDocument != null) servedDocument.close();
        servedDocument = null;
    }

    /** Refreshes the access token (keeps a rotated refresh token). */
    public AuthorizationResult refresh(AuthorizationResult previous) throws FlowException {
        // A bound token's refresh token is bound to the same key (RFC 9449 section 5): the refresh carries a proof too.
        DPoPProofs binding = previous.tokens().dpopBound() ? dpop : null;
        TokenSet fresh = new TokenExchange(http, trace, options.assertions().clientKey(), binding).refresh(previous.authorizationServer(), previous.client(),
                previous.tokens(), previous.resource(), previous.requestedScopes());
        return previous.withTokens(fresh);
    }

    private CallbackListener openListener() throws FlowException {
        try {
            return CallbackListener.open(options.callbackHost(), options.callbackPort(), options.callbackPath());
        } catch (IOException e) {
            throw new FlowException(StepKind.AUTHORIZATION_REQUEST,
                    "cannot listen on " + options.callbackHost() + ":" + options.callbackPort() + " for the callback: " + e.getMessage());
        }
    }

    private URI authorizationRequest(AuthorizationServer as, ClientRegistration client, URI resource, Set<String> scopes,
                                     CodeVerifier verifier, State state, CallbackListener listener) throws FlowException {
        FlowStep step = trace.start(StepKind.AUTHORIZATION_REQUEST);
        AuthorizationRequest.Builder builder = new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(client.clientId()))
                .endpointURI(as.metadata().getAuthorizationEndpointURI())
                .redirectionURI(client.redirectUri())
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .resource(resource);
        if (!scopes.isEmpty()) {
            builder.scope(new Scope(scopes.toArray(String[]::new)));
        }
        URI built = builder.build().toURI();
        URI url = reviewed(step, built);
        step.input("authorization_url", url.toString());
        if (!url.equals(built)) step.note("The authorization URL was edited before it was opened");
        step.input("scope", String.join(" ", scopes));
        step.input("resource", resource.toString());
        step.output("code_challenge_method", "S256");
        URI seen = options.agent().authorize(url, client.redirectUri(), new AuthorizationAgent.AgentContext() {
            @Override
            public HttpExchange get(URI target) {
                // The URL itself was reviewed above; only the hops after it are offered again.
                if (target.equals(url) && interceptor != ExchangeInterceptor.PASS) {
                    return http.sendReviewed("GET", target, Map.of(), null, trace.sink(step));
                }
                return http.send("GET", target, Map.of(), null, trace.sink(step));
            }

            @Override
            public void note(String text) {
                step.note(text);
            }

            @Override
            public java.util.concurrent.CompletableFuture<URI> loopbackCallback() {
                return listener.received();
            }
        });
        URI callback = seen;
        if (callback == null) {
            try {
                callback = listener.await(options.callbackTimeout()).orElse(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw trace.fail(step, "interrupted while waiting for the callback");
            }
        }
        if (callback == null) {
            throw trace.fail(step, "no callback within " + options.callbackTimeout().toSeconds() + " s");
        }
        trace.pass(step);
        return callback;
    }

    /** The authorization URL as the interceptor lets it go to the browser (a GET draft of it). */
    private URI reviewed(FlowStep step, URI url) throws FlowException {
        if (interceptor == ExchangeInterceptor.PASS) return url;
        try {
            if (cancelled != null) throw new dev.mcpworkbench.oauth.http.RequestCancelledException(cancelled);
            return interceptor.intercept(StepKind.AUTHORIZATION_REQUEST, new dev.mcpworkbench.oauth.http.RequestDraft("GET", url, Map.of(), "")).uri();
        } catch (dev.mcpworkbench.oauth.http.RequestCancelledException e) {
            cancelled = e.getMessage();
            throw trace.fail(step, e.getMessage());
        }
    }

    /** Step 8: the MCP initialize request again, now with the token. */
    private void authenticatedRequest(TokenSet tokens) {
        FlowStep step = trace.start(StepKind.AUTHENTICATED_REQUEST);
        HttpExchange exchange = initializeWith(tokens, step);
        Optional<String> nonce = exchange.answered() && tokens.dpopBound() && dpop != null
                ? DPoPNonceDemand.fromResourceServer(exchange.status(), exchange.responseHeaders("WWW-Authenticate"),
                        exchange.responseHeader("DPoP-Nonce")) : Optional.empty();
        // RFC 9449 section 9: the MCP server wants its nonce in the proof; one retry with it.
        if (nonce.isPresent() && dpop.rememberNonce(server, nonce.get())) {
            step.note("The MCP server demanded a DPoP nonce (use_dpop_nonce): request sent again with it");
            exchange = initializeWith(tokens, step);
        }
        step.output("status", exchange.answered() ? String.valueOf(exchange.status()) : exchange.error());
        if (exchange.answered() && exchange.status() == 401) {
            step.note("The server still answers 401 with the new token");
        }
        trace.pass(step);
    }

    private HttpExchange initializeWith(TokenSet tokens, FlowStep step) {
        return http.send("POST", server, requestHeaders(tokens, "POST", server, Map.of(
                "Content-Type", List.of("application/json"),
                "Accept", List.of("application/json, text/event-stream"))),
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"mcp-workbench-probe\",\"version\":\"1\"}}}",
                trace.sink(step));
    }

    /**
     * The headers that present {@code tokens} on a request to the MCP server: Authorization with the
     * token's scheme, and for a DPoP-bound token a fresh proof of the session's key for this request.
     */
    public synchronized Map<String, String> authorization(TokenSet tokens, String method, URI uri) {
        if (!tokens.dpopBound() || dpop == null) return Map.of("Authorization", tokens.authorizationHeader());
        return Map.of("Authorization", tokens.authorizationHeader(), "DPoP", dpop.proof(method, uri, tokens.accessToken()));
    }

    private Map<String, List<String>> requestHeaders(TokenSet tokens, String method, URI uri, Map<String, List<String>> others) {
        Map<String, List<String>> all = new java.util.LinkedHashMap<>(others);
        authorization(tokens, method, uri).forEach((name, value) -> all.put(name, List.of(value)));
        return all;
    }

    /** The scopes asked for: user choice, else the challenge, else PRM scopes_supported, else none. */
    static final class ScopeSelection {
        private ScopeSelection() {
        }

        static Set<String> select(String userScope, Optional<Challenge> challenge, ProtectedResourceMetadata prm,
                                  AuthorizationServer as, Set<String> previous) {
            Set<String> scopes = new LinkedHashSet<>(previous);
            if (userScope != null && !userScope.isBlank()) {
                scopes.addAll(List.of(userScope.trim().split("\\s+")));
            } else if (challenge.isPresent() && !challenge.get().scopes().isEmpty()) {
                scopes.addAll(challenge.get().scopes());
            } else {
                scopes.addAll(prm.scopesSupported());
            }
            scopes.remove("offline_access");
            if (!scopes.isEmpty() && as.listsScope("offline_access")) {
                scopes.add("offline_access");
            }
            return scopes;
        }
    }
}
