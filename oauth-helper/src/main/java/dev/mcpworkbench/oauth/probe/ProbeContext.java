package dev.mcpworkbench.oauth.probe;

import dev.mcpworkbench.oauth.flow.AuthorizationAgent;
import dev.mcpworkbench.oauth.flow.AuthorizationResult;
import dev.mcpworkbench.oauth.flow.AuthorizationServer;
import dev.mcpworkbench.oauth.flow.CallbackListener;
import dev.mcpworkbench.oauth.flow.FlowException;
import dev.mcpworkbench.oauth.flow.ProbeStep;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.ClientRegistration;
import dev.mcpworkbench.oauth.registration.TokenEndpointAuth;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * What a probe works with: the completed flow's result (authorization server, client, resource,
 * scopes, tokens), the MCP server, the recording HTTP client and the agent that gets through the
 * authorization page; and the requests probes share, built by hand so that any parameter can be
 * left out or changed.
 */
public final class ProbeContext {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI server;
    private final AuthorizationResult result;
    private final RecordingHttpClient http;
    private final AuthorizationAgent agent;
    private final Duration callbackTimeout;
    private final UpstreamRecorder recorder;
    /** The headers that present the flow's token on a request (method, URL): a DPoP-bound token needs the session's proofs. */
    private final BiFunction<String, URI, Map<String, String>> presenter;

    public ProbeContext(URI server, AuthorizationResult result, RecordingHttpClient http, AuthorizationAgent agent,
                        Duration callbackTimeout) {
        this(server, result, http, agent, callbackTimeout, null,
                (method, uri) -> Map.of("Authorization", result.tokens().authorizationHeader()));
    }

    private ProbeContext(URI server, AuthorizationResult result, RecordingHttpClient http, AuthorizationAgent agent,
                         Duration callbackTimeout, UpstreamRecorder recorder, BiFunction<String, URI, Map<String, String>> presenter) {
        this.server = server;
        this.result = result;
        this.http = http;
        this.agent = agent;
        this.callbackTimeout = callbackTimeout;
        this.recorder = recorder;
        this.presenter = presenter;
    }

    /** With a recorder the user has set up as the MCP server's upstream (for the token passthrough probe). */
    public ProbeContext withUpstreamRecorder(UpstreamRecorder upstream) {
        return new ProbeContext(server, result, http, agent, callbackTimeout, upstream, presenter);
    }

    /** Presents the flow's token through {@code headers} (the session's, which sign DPoP proofs for a bound token). */
    public ProbeContext withTokenPresenter(BiFunction<String, URI, Map<String, String>> headers) {
        return new ProbeContext(server, result, http, agent, callbackTimeout, recorder, headers);
    }

    /** The headers that authorize {@code method uri} with the flow's token (Authorization, and a DPoP proof for a bound token). */
    public Map<String, String> tokenHeaders(String method, URI uri) {
        return presenter.apply(method, uri);
    }

    public URI server() {
        return server;
    }

    public AuthorizationResult result() {
        return result;
    }

    public AuthorizationServer as() {
        return result.authorizationServer();
    }

    public ClientRegistration client() {
        return result.client();
    }

    public RecordingHttpClient http() {
        return http;
    }

    public Optional<UpstreamRecorder> upstreamRecorder() {
        return Optional.ofNullable(recorder);
    }

    /** A fresh PKCE verifier and its S256 challenge. */
    public record Pkce(String verifier, String challenge) {
        public static Pkce s256() {
            String verifier = random();
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The parameters of a well-formed authorization request for this client (S256 challenge of
     * {@code pkce}, resource, the flow's scopes, a new state); probes change or remove entries.
     */
    public Map<String, String> authorizationParameters(Pkce pkce) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", client().clientId());
        params.put("redirect_uri", String.valueOf(client().redirectUri()));
        params.put("state", random());
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        params.put("resource", result.resource().toString());
        if (!result.requestedScopes().isEmpty()) params.put("scope", String.join(" ", result.requestedScopes()));
        return params;
    }

    /** What an authorization request came to: the redirect back (with a code or an error), or why there was none. */
    public record Attempt(URI callback, String refusal) {
        public Optional<String> code() {
            return parameter("code");
        }

        public Optional<String> error() {
            return parameter("error");
        }

        public Optional<String> parameter(String name) {
            if (callback == null || callback.getRawQuery() == null) return Optional.empty();
            for (String pair : callback.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (key.equals(name)) {
                    return Optional.of(java.net.URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        }

        /** One line for the step's notes. */
        public String describe() {
            if (callback == null) {
                String why = refusal == null ? "" : refusal;
                return "no redirect back (" + (why.length() > 160 ? why.substring(0, 160) + "..." : why) + ")";
            }
            return code().isPresent() ? "a code was issued" : "redirected back with error " + error().orElse("(none)");
        }
    }

    /**
     * Sends an authorization request with {@code params} through the agent (as the flow did) and
     * returns where it led. {@code params.redirect_uri} is where the answer is expected.
     */
    public Attempt authorize(ProbeStep step, Map<String, String> params) {
        URI url = URI.create(as().metadata().getAuthorizationEndpointURI() + (as().metadata().getAuthorizationEndpointURI()
                .getRawQuery() == null ? "?" : "&") + form(params));
        URI redirect = URI.create(params.getOrDefault("redirect_uri", String.valueOf(client().redirectUri())));
        try (CallbackListener listener = listenerFor(redirect)) {
            URI seen = agent.authorize(url, redirect, new AuthorizationAgent.AgentContext() {
                @Override
                public HttpExchange get(URI target) {
                    return http.send("GET", target, Map.of(), null, step.sink());
                }

                @Override
                public void note(String text) {
                    // the agent's own remarks are noise in a probe's notes
                }
            });
            if (seen == null && listener != null) {
                seen = listener.await(callbackTimeout).orElse(null);
            }
            return seen == null ? new Attempt(null, "no callback within " + callbackTimeout.toSeconds() + " s") : new Attempt(seen, null);
        } catch (FlowException e) {
            return new Attempt(null, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, "interrupted");
        }
    }

    /** A listener on our own loopback redirect, so that a browser agent's callback arrives; null when none can be opened. */
    private static CallbackListener listenerFor(URI redirect) {
        boolean ours = "http".equals(redirect.getScheme()) && ("127.0.0.1".equals(redirect.getHost()) || "localhost".equals(redirect.getHost()))
                && redirect.getPort() > 0 && redirect.getRawQuery() == null;
        if (!ours) return null;
        try {
            return CallbackListener.open(redirect.getHost(), redirect.getPort(), redirect.getRawPath());
        } catch (IOException | IllegalArgumentException busy) {
            return null;
        }
    }

    /** A token request with {@code form}, authenticated as {@code client} authenticates. */
    public HttpExchange token(ProbeStep step, ClientRegistration client, Map<String, String> form) {
        Map<String, String> body = new LinkedHashMap<>(form);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
        headers.put("Accept", List.of("application/json"));
        String secret = client.clientSecret() == null ? "" : client.clientSecret();
        switch (client.authMethod()) {
            case TokenEndpointAuth.BASIC -> headers.put("Authorization", List.of("Basic " + Base64.getEncoder().encodeToString(
                    (enc(client.clientId()) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8))));
            case TokenEndpointAuth.POST -> {
                body.put("client_id", client.clientId());
                body.put("client_secret", secret);
            }
            default -> body.put("client_id", client.clientId());
        }
        return http.send("POST", as().metadata().getTokenEndpointURI(), headers, form(body), step.sink());
    }

    /** A code redemption: the code, the redirect URI and resource given, the verifier when not null. */
    public HttpExchange redeem(ProbeStep step, String code, String redirectUri, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (verifier != null) form.put("code_verifier", verifier);
        form.put("resource", result.resource().toString());
        return token(step, client(), form);
    }

    /** A fresh code from a well-formed request, with the verifier that redeems it; empty (and noted) when none came. */
    public Optional<Map.Entry<String, Pkce>> freshCode(ProbeStep step) {
        Pkce pkce = Pkce.s256();
        Attempt attempt = authorize(step, authorizationParameters(pkce));
        if (attempt.code().isEmpty()) {
            step.note("A well-formed authorization request got no code: " + attempt.describe());
            return Optional.empty();
        }
        return Optional.of(Map.entry(attempt.code().get(), pkce));
    }

    static boolean ok(HttpExchange exchange) {
        return exchange.answered() && exchange.status() / 100 == 2;
    }

    /** "200" or "400 invalid_grant" or the connection error, for notes and evidence. */
    static String outcome(HttpExchange exchange) {
        if (!exchange.answered()) return exchange.error();
        String error = "";
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(exchange.responseBody());
            if (node != null && node.hasNonNull("error")) error = " " + node.get("error").asText();
        } catch (IOException | RuntimeException notJson) {
            error = "";
        }
        return exchange.status() + error;
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
