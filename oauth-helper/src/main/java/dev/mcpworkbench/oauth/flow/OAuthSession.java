package dev.mcpworkbench.oauth.flow;

import dev.mcpworkbench.oauth.challenge.Challenge;
import dev.mcpworkbench.oauth.challenge.ChallengeParseException;
import dev.mcpworkbench.oauth.challenge.WwwAuthenticateParser;
import dev.mcpworkbench.oauth.dpop.DPoPBinding;
import dev.mcpworkbench.oauth.dpop.DPoPNonceDemand;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization state of one connection, and what to do when the server pushes back: a 401 with
 * a token refreshes it once, then re-runs discovery (the server may have moved to another
 * authorization server); a 403 insufficient_scope re-authorizes with the union of scopes, a limited
 * number of times. Tokens live here, in memory only.
 */
public final class OAuthSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthSession.class);
    private static final int MAX_REAUTHORIZATIONS = 2;

    private final OAuthFlow flow;
    private final FlowOptions options;
    private AuthorizationResult current;
    private boolean refreshedSinceLastChallenge;
    private int stepUps;
    private int reauthorizations;
    private String lastFailure;

    public OAuthSession(URI server, FlowOptions options, RecordingHttpClient http, FlowTrace trace, RegistrationStore store) {
        this.flow = new OAuthFlow(server, options, http, trace, store);
        this.options = options;
    }

    public FlowTrace trace() {
        return flow.trace();
    }

    /** Every request of this session's flows passes through {@code interceptor} first (step-in mode). */
    public void interceptWith(ExchangeInterceptor interceptor) {
        flow.interceptWith(interceptor);
    }

    /** Ends what the session serves (a loopback client metadata document); tokens go with the object. */
    @Override
    public void close() {
        flow.close();
    }

    public synchronized Optional<AuthorizationResult> current() {
        return Optional.ofNullable(current);
    }

    /** The access token to send, if the flow has run. */
    public synchronized Optional<String> accessToken() {
        return current == null ? Optional.empty() : Optional.of(current.tokens().accessToken());
    }

    /**
     * The headers that authorize {@code method uri} to the MCP server: none before the flow has run;
     * {@code Authorization: Bearer} for a bearer token; {@code Authorization: DPoP} and a fresh
     * {@code DPoP} proof (with the server's latest nonce) for a DPoP-bound one.
     */
    public synchronized Map<String, String> requestHeaders(String method, URI uri) {
        return current == null ? Map.of() : flow.authorization(current.tokens(), method, uri);
    }

    /**
     * For a DPoP-bound token, one line on its binding (its cnf.jkt against the session's key); empty
     * for a bearer token or before the flow has run.
     */
    public synchronized Optional<String> tokenBinding() {
        if (current == null || !current.tokens().dpopBound() || flow.dpop().isEmpty()) return Optional.empty();
        return Optional.of(DPoPBinding.describe(current.tokens().accessToken(), flow.dpop().get().thumbprint()));
    }

    /** Why the last authorization attempt failed (one line, no secrets), or null. */
    public synchronized String lastFailure() {
        return lastFailure;
    }

    /**
     * Probes the server without a token; when it answers 401 (or 403), runs the whole flow.
     * Returns true when the flow ran.
     */
    public synchronized boolean probeAndAuthorize() throws FlowException {
        HttpExchange probe = flow.probe();
        if (probe.status() != 401 && probe.status() != 403) {
            return false;
        }
        authorizeFresh(probe.status(), probe.responseHeaders("WWW-Authenticate"), Set.of());
        return true;
    }

    /**
     * Handles a 401/403 an MCP request met. Returns true when the request should be retried with the
     * (new) token, false when it should fail; {@link #lastFailure()} then says why.
     */
    public synchronized boolean onAuthorizationError(int status, List<String> wwwAuthenticate) {
        return onAuthorizationError(status, wwwAuthenticate, Optional.empty());
    }

    /**
     * As {@link #onAuthorizationError(int, List)}, with the response's {@code DPoP-Nonce} header: a
     * 401 {@code DPoP error="use_dpop_nonce"} to a DPoP-bound token is answered by retrying once with
     * the nonce (RFC 9449 section 9), not by a new authorization.
     */
    public synchronized boolean onAuthorizationError(int status, List<String> wwwAuthenticate, Optional<String> dpopNonce) {
        Optional<String> demanded = DPoPNonceDemand.fromResourceServer(status, wwwAuthenticate, dpopNonce);
        if (demanded.isPresent() && current != null && current.tokens().dpopBound() && flow.dpop().isPresent()) {
            if (flow.dpop().get().rememberNonce(flow.server(), demanded.get())) return true;
            lastFailure = "the MCP server demands a DPoP nonce again after the request carried the one it handed out";
            return false;
        }
        try {
            if (status == 401) {
                return onUnauthorized(wwwAuthenticate);
            }
            if (status == 403) {
                return onForbidden(wwwAuthenticate);
            }
            return false;
        } catch (FlowException e) {
            lastFailure = e.getMessage();
            LOG.debug("authorization failed: {}", e.getMessage());
            return false;
        }
    }

    private boolean onUnauthorized(List<String> wwwAuthenticate) throws FlowException {
        if (current == null) {
            authorizeFresh(401, wwwAuthenticate, Set.of());
            return true;
        }
        if (current.tokens().hasRefreshToken() && !refreshedSinceLastChallenge) {
            refreshedSinceLastChallenge = true;
            try {
                current = flow.refresh(current);
                return true;
            } catch (FlowException e) {
                LOG.debug("refresh failed, authorizing again: {}", e.getMessage());
            }
        }
        if (reauthorizations >= MAX_REAUTHORIZATIONS) {
            lastFailure = "the server keeps answering 401" + serverSays(wwwAuthenticate) + " after " + reauthorizations
                    + " new authorizations";
            return false;
        }
        reauthorizations++;
        authorizeFresh(401, wwwAuthenticate, Set.of());
        return true;
    }

    private boolean onForbidden(List<String> wwwAuthenticate) throws FlowException {
        Optional<Challenge> bearer;
        try {
            bearer = Challenge.forToken(WwwAuthenticateParser.parse(wwwAuthenticate));
        } catch (ChallengeParseException e) {
            lastFailure = "403 with an unreadable WWW-Authenticate header";
            return false;
        }
        if (bearer.isEmpty() || !bearer.get().param("error").map("insufficient_scope"::equals).orElse(false)) {
            lastFailure = "403 forbidden" + serverSays(wwwAuthenticate) + " (not a scope problem)";
            return false;
        }
        if (stepUps >= options.maxStepUps()) {
            lastFailure = "403 insufficient_scope again after " + stepUps + " step-up authorizations; giving up";
            return false;
        }
        stepUps++;
        Set<String> union = new LinkedHashSet<>(current == null ? Set.of() : current.requestedScopes());
        union.addAll(bearer.get().scopes());
        authorizeFresh(403, wwwAuthenticate, union);
        return true;
    }

    /** The MCP server's own reason for a refusal, from its Bearer (or DPoP) challenge: " (invalid_token: ...)". */
    private static String serverSays(List<String> wwwAuthenticate) {
        try {
            return Challenge.forToken(WwwAuthenticateParser.parse(wwwAuthenticate)).flatMap(OAuthErrors::ofChallenge)
                    .map(e -> " (" + e + ")").orElse("");
        } catch (ChallengeParseException unreadable) {
            return "";
        }
    }

    private void authorizeFresh(int status, List<String> wwwAuthenticate, Set<String> scopes) throws FlowException {
        try {
            current = flow.authorize(status, wwwAuthenticate, scopes);
            refreshedSinceLastChallenge = false;
            lastFailure = null;
        } catch (FlowException e) {
            lastFailure = e.getMessage();
            throw e;
        }
    }
}
