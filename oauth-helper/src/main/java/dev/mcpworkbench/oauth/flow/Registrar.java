package dev.mcpworkbench.oauth.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.ClientMetadataDocuments;
import dev.mcpworkbench.oauth.registration.LoopbackClientMetadata;
import dev.mcpworkbench.oauth.registration.ClientRegistration;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import dev.mcpworkbench.oauth.registration.TokenEndpointAuth;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Step 4: who the client is at this authorization server, in the spec's order: pre-registered, CIMD, DCR. */
final class Registrar {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RecordingHttpClient http;
    private final FlowTrace trace;
    private final RegistrationStore store;
    private final FlowOptions options;

    /** The loopback document server of this flow, started on first use; null unless the options ask for it. */
    private final java.util.function.Supplier<LoopbackClientMetadata> served;

    Registrar(RecordingHttpClient http, FlowTrace trace, RegistrationStore store, FlowOptions options,
              java.util.function.Supplier<LoopbackClientMetadata> served) {
        this.http = http;
        this.trace = trace;
        this.store = store;
        this.served = served;
        this.options = options;
    }

    /**
     * The pre-registered confidential client of the client credentials grant: no redirect URI, no
     * registration; it authenticates with its secret or, given a private key, a signed assertion.
     */
    ClientRegistration machineClient(AuthorizationServer as) throws FlowException {
        FlowStep step = trace.start(StepKind.CLIENT_REGISTRATION);
        step.input("issuer", as.issuer());
        if (blank(options.clientId()) || (!hasSecret() && options.assertions().clientKey() == null)) {
            throw trace.fail(step, "the client credentials grant needs a pre-registered client with a secret or a private key "
                    + "(client id and client secret or client key)");
        }
        return preRegistered(step, as, "Using the pre-registered client for the client credentials grant");
    }

    /**
     * The client of a JWT bearer grant: the assertion is the grant, so a client id is optional (a workload
     * identity alone may be enough); when one is given it authenticates as the user chose or could.
     */
    ClientRegistration jwtBearerClient(AuthorizationServer as) throws FlowException {
        FlowStep step = trace.start(StepKind.CLIENT_REGISTRATION);
        step.input("issuer", as.issuer());
        if (blank(options.clientId())) {
            step.note("No client id: the JWT bearer grant is sent without client identification");
            ClientRegistration anonymous = new ClientRegistration(ClientRegistration.Kind.PRE_REGISTERED, as.issuer(), null, null,
                    TokenEndpointAuth.NONE, null);
            step.output("token_endpoint_auth_method", anonymous.authMethod());
            trace.pass(step);
            return anonymous;
        }
        return preRegistered(step, as, "Using the pre-registered client for the JWT bearer grant");
    }

    private ClientRegistration preRegistered(FlowStep step, AuthorizationServer as, String note) throws FlowException {
        List<String> authMethods = authMethods(as);
        String method = preRegisteredMethod(step, authMethods);
        noteUnlisted(step, method, authMethods);
        ClientRegistration registration = new ClientRegistration(ClientRegistration.Kind.PRE_REGISTERED, as.issuer(),
                options.clientId(), options.clientSecret(), method, null);
        step.note(note);
        step.output("client_id", registration.clientId());
        step.output("kind", registration.kind().title());
        step.output("token_endpoint_auth_method", registration.authMethod());
        if (options.assertions().clientKey() != null) step.output("client key", options.assertions().clientKey().toString());
        trace.pass(step);
        return registration;
    }

    /**
     * How a pre-registered client authenticates: as asked, else private_key_jwt when it has a key, else
     * from its secret and the server's list; refuses a method whose credential is missing.
     */
    private String preRegisteredMethod(FlowStep step, List<String> authMethods) throws FlowException {
        boolean hasKey = options.assertions().clientKey() != null;
        String method = options.tokenAuthMethod() != null ? options.tokenAuthMethod()
                : hasKey ? TokenEndpointAuth.PRIVATE_KEY_JWT : TokenEndpointAuth.choose(hasSecret(), authMethods);
        if (TokenEndpointAuth.PRIVATE_KEY_JWT.equals(method) && !hasKey) {
            throw trace.fail(step, method + " needs the client's private key (--client-key)");
        }
        if ((TokenEndpointAuth.BASIC.equals(method) || TokenEndpointAuth.POST.equals(method)) && !hasSecret()) {
            throw trace.fail(step, method + " needs the client's secret (--client-secret)");
        }
        return method;
    }

    private boolean hasSecret() {
        return options.clientSecret() != null && !options.clientSecret().isEmpty();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    ClientRegistration register(AuthorizationServer as, URI redirectUri) throws FlowException {
        FlowStep step = trace.start(StepKind.CLIENT_REGISTRATION);
        step.input("issuer", as.issuer());
        step.input("redirect_uri", redirectUri.toString());
        List<String> authMethods = authMethods(as);
        ClientRegistration registration;
        if (options.clientId() != null && !options.clientId().isBlank()) {
            String method = preRegisteredMethod(step, authMethods);
            noteUnlisted(step, method, authMethods);
            registration = new ClientRegistration(ClientRegistration.Kind.PRE_REGISTERED, as.issuer(), options.clientId(),
                    options.clientSecret(), method, redirectUri);
            step.note("Using the pre-registered client");
        } else if (options.clientMetadataUrl() != null && as.supportsClientIdMetadataDocuments()) {
            Optional<String> problem = ClientMetadataDocuments.urlProblem(options.clientMetadataUrl());
            if (problem.isPresent()) {
                throw trace.fail(step, "the client metadata document URL is not usable: " + problem.get());
            }
            registration = new ClientRegistration(ClientRegistration.Kind.CLIENT_ID_METADATA_DOCUMENT, as.issuer(),
                    options.clientMetadataUrl(), null, TokenEndpointAuth.NONE, redirectUri);
            step.note("The authorization server supports client ID metadata documents: client_id is the document URL");
        } else if (options.serveClientMetadata() && as.supportsClientIdMetadataDocuments() && onThisMachine(as)) {
            LoopbackClientMetadata document = served.get();
            document.allowRedirect(redirectUri.toString());
            registration = new ClientRegistration(ClientRegistration.Kind.CLIENT_ID_METADATA_DOCUMENT, as.issuer(),
                    document.url(), null, TokenEndpointAuth.NONE, redirectUri);
            step.note("Serving this client's metadata document at " + document.url() + ": only an authorization server on "
                    + "this machine can fetch it, and the draft asks for an https client_id, so use it with local servers");
            step.output("client_metadata_document", document.document());
        } else {
            registration = dynamic(step, as, redirectUri, authMethods);
        }
        step.output("client_id", registration.clientId());
        step.output("kind", registration.kind().title());
        step.output("token_endpoint_auth_method", registration.authMethod());
        trace.pass(step);
        return registration;
    }

    /** A document on 127.0.0.1 is reachable only from this machine: serving it to a remote AS would just fail. */
    private static boolean onThisMachine(AuthorizationServer as) {
        try {
            return dev.mcpworkbench.oauth.metadata.UrlSafety.isLoopbackHost(java.net.URI.create(as.issuer()).getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private ClientRegistration dynamic(FlowStep step, AuthorizationServer as, URI redirectUri, List<String> authMethods)
            throws FlowException {
        Optional<ClientRegistration> known = store.forIssuer(as.issuer());
        if (known.isPresent() && known.get().redirectUri().equals(redirectUri)) {
            step.note("Reusing the client registered earlier with this issuer");
            return known.get();
        }
        URI endpoint = as.metadata().getRegistrationEndpointURI();
        if (endpoint == null) {
            if (options.clientMetadataUrl() != null) {
                throw trace.fail(step, "the authorization server supports neither client ID metadata documents nor registration; "
                        + "pass --client-id");
            }
            throw trace.fail(step, "the authorization server offers no registration: pass a pre-registered --client-id"
                    + (as.supportsClientIdMetadataDocuments() ? " or a --client-metadata-url" : ""));
        }
        String requestedMethod = options.tokenAuthMethod() != null ? options.tokenAuthMethod()
                : TokenEndpointAuth.preferredForRegistration(authMethods);
        noteUnlisted(step, requestedMethod, authMethods);
        ObjectNode body = MAPPER.createObjectNode();
        body.put("client_name", options.clientName());
        body.putArray("redirect_uris").add(redirectUri.toString());
        body.putArray("grant_types").add("authorization_code").add("refresh_token");
        body.putArray("response_types").add("code");
        body.put("token_endpoint_auth_method", requestedMethod);
        body.put("application_type", "native");
        registrationScope(step, as).ifPresent(scope -> body.put("scope", scope));
        HttpExchange exchange = http.send("POST", endpoint, Map.of("Content-Type", List.of("application/json"),
                "Accept", List.of("application/json")), body.toString(), trace.sink(step));
        if (!exchange.answered()) {
            throw trace.fail(step, "the registration endpoint did not answer: " + exchange.error());
        }
        if (exchange.status() / 100 != 2) {
            throw trace.fail(step, "registration refused with " + exchange.status() + errorSuffix(exchange.responseBody()));
        }
        JsonNode response;
        try {
            response = MAPPER.readTree(exchange.responseBody());
        } catch (Exception e) {
            throw trace.fail(step, "the registration response is not JSON");
        }
        String clientId = response == null ? "" : response.path("client_id").asText("");
        if (clientId.isEmpty()) {
            throw trace.fail(step, "the registration response has no client_id");
        }
        String secret = response.hasNonNull("client_secret") ? response.get("client_secret").asText() : null;
        String method = response.hasNonNull("token_endpoint_auth_method")
                ? response.get("token_endpoint_auth_method").asText() : requestedMethod;
        ClientRegistration registration = new ClientRegistration(ClientRegistration.Kind.DYNAMIC, as.issuer(), clientId,
                secret, method, redirectUri);
        store.remember(registration);
        step.note("Registered dynamically (application_type native)");
        return registration;
    }

    /**
     * The user's scopes the authorization server lists as its own: a server may refuse to register a
     * client for scopes it does not know (oidc-provider does, for resource scopes like mcp:read that
     * reach it through the resource indicator), while the authorization request carries them all anyway.
     */
    private Optional<String> registrationScope(FlowStep step, AuthorizationServer as) {
        if (options.scope() == null || options.scope().isBlank()) return Optional.empty();
        List<String> asked = List.of(options.scope().trim().split("\\s+"));
        List<String> listed = as.metadata().getScopes() == null ? List.of() : as.metadata().getScopes().toStringList();
        if (listed.isEmpty()) return Optional.of(String.join(" ", asked));
        List<String> known = asked.stream().filter(listed::contains).toList();
        if (known.size() < asked.size()) {
            step.note("Registering for the scopes the authorization server lists (" + (known.isEmpty() ? "none" : String.join(" ", known))
                    + "); the authorization request asks for all of them");
        }
        return known.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", known));
    }

    /** A chosen method the metadata does not list is sent anyway (the user knows the server), but said. */
    private void noteUnlisted(FlowStep step, String method, List<String> listed) {
        if (options.tokenAuthMethod() != null && !listed.isEmpty() && !listed.contains(method)) {
            step.note("token_endpoint_auth_methods_supported does not list " + method + "; using it as asked");
        } else if (options.tokenAuthMethod() != null) {
            step.note("Token endpoint authentication " + method + ", as asked");
        }
    }

    private static List<String> authMethods(AuthorizationServer as) {
        JsonNode node = as.raw().get("token_endpoint_auth_methods_supported");
        return Discovery.ProtectedResourceMetadataAccess.strings(node);
    }

    static String errorSuffix(String body) {
        return OAuthErrors.ofBody(body).map(e -> ": " + e).orElse("");
    }

    static String oneLine(String text) {
        return OAuthErrors.oneLine(text);
    }
}
