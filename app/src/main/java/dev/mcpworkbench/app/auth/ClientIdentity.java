package dev.mcpworkbench.app.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.oauth.flow.AuthorizationAgent;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import java.time.Duration;
import java.util.List;

/**
 * Who the workbench is to an authorization server: the one option model behind the CLI's client
 * flags ({@code AuthOptions}) and the desktop's Client… dialog, so both mean the same by each
 * choice and refuse the same values. Null fields mean "automatic".
 *
 * @param clientId            a pre-registered client (with {@code clientSecret} when it has one)
 * @param clientMetadataUrl   the client's own metadata document URL, used as client_id where supported
 * @param serveClientMetadata serve a generated document on loopback for an AS on this machine
 * @param scope               replaces the automatic scope choice (space separated)
 * @param callbackHost        {@code 127.0.0.1} or {@code localhost}
 * @param callbackPort        0: any free port
 * @param callbackPath        the redirect URI's path ({@code /callback} unless chosen)
 * @param tokenAuthMethod     {@code none}, {@code client_secret_basic}, {@code client_secret_post} or {@code private_key_jwt}
 * @param protocolVersion     the MCP revision to speak, which fixes the authorization spec revision
 */
public record ClientIdentity(String clientId, String clientSecret, String clientMetadataUrl, boolean serveClientMetadata,
                             String scope, String callbackHost, int callbackPort, String callbackPath, String tokenAuthMethod,
                             String protocolVersion) {

    /** The MCP revisions (and so authorization spec revisions) a user can choose. */
    public static final List<String> PROTOCOL_VERSIONS = List.of("2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28");

    /** The token endpoint authentication methods a user can choose. */
    public static final List<String> TOKEN_AUTH_METHODS = List.of("none", "client_secret_basic", "client_secret_post", "private_key_jwt");

    public ClientIdentity {
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        clientMetadataUrl = blankToNull(clientMetadataUrl);
        scope = blankToNull(scope);
        callbackHost = blankToNull(callbackHost);
        callbackPath = blankToNull(callbackPath);
        tokenAuthMethod = blankToNull(tokenAuthMethod);
        protocolVersion = blankToNull(protocolVersion);
        if (protocolVersion != null && !PROTOCOL_VERSIONS.contains(protocolVersion)) {
            throw new IllegalArgumentException("the protocol version must be one of " + PROTOCOL_VERSIONS + ", not " + protocolVersion);
        }
    }

    /** Everything automatic: dynamic registration, 127.0.0.1 on any port, /callback, the negotiated version. */
    public static ClientIdentity automatic() {
        return new ClientIdentity(null, null, null, false, null, null, 0, null, null, null);
    }

    /**
     * The flow's options for this identity; {@code agent} gets the user through authorization pages and
     * the callback is awaited {@code callbackTimeout}. Refuses what the flow cannot use (an unknown
     * method, another callback host, a path with dot segments, a port out of range).
     */
    public FlowOptions flowOptions(AuthorizationAgent agent, Duration callbackTimeout) {
        return new FlowOptions(clientId, clientSecret, clientMetadataUrl, scope, callbackPort, callbackTimeout, agent, null, 2,
                serveClientMetadata).withTokenAuthMethod(tokenAuthMethod).withCallback(callbackHost, callbackPath);
    }

    /** {@code base} speaking the chosen protocol version (unchanged when negotiated). */
    public ConnectOptions applyTo(ConnectOptions base) {
        return protocolVersion == null ? base : base.withProtocolVersion(protocolVersion);
    }

    /**
     * True when the chosen revision has no {@code initialize} (2026-07-28 on): there is nothing to
     * probe with, so the first real request meets the 401 and the connection's hook authorizes.
     */
    public boolean statelessLifecycle() {
        return applyTo(ConnectOptions.defaults()).statelessLifecycle();
    }

    public ClientIdentity withServedClientMetadata(boolean serve) {
        return new ClientIdentity(clientId, clientSecret, clientMetadataUrl, serve, scope, callbackHost, callbackPort,
                callbackPath, tokenAuthMethod, protocolVersion);
    }

    public ClientIdentity withClientSecret(String secret) {
        return new ClientIdentity(clientId, secret, clientMetadataUrl, serveClientMetadata, scope, callbackHost, callbackPort,
                callbackPath, tokenAuthMethod, protocolVersion);
    }

    /** The settings as JSON for a saved connection, without the secret (see {@link ClientIdentityProfiles}). */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        putIfSet(node, "clientId", clientId);
        putIfSet(node, "clientMetadataUrl", clientMetadataUrl);
        node.put("serveClientMetadata", serveClientMetadata);
        putIfSet(node, "scope", scope);
        putIfSet(node, "callbackHost", callbackHost);
        node.put("callbackPort", callbackPort);
        putIfSet(node, "callbackPath", callbackPath);
        putIfSet(node, "tokenAuthMethod", tokenAuthMethod);
        putIfSet(node, "protocolVersion", protocolVersion);
        return node;
    }

    /** Reads {@link #toJson()}; a value the flow would refuse (a hand-edited file) throws IllegalArgumentException. */
    public static ClientIdentity fromJson(JsonNode node) {
        ClientIdentity identity = new ClientIdentity(text(node, "clientId"), null, text(node, "clientMetadataUrl"),
                node.path("serveClientMetadata").asBoolean(false), text(node, "scope"), text(node, "callbackHost"),
                node.path("callbackPort").asInt(0), text(node, "callbackPath"), text(node, "tokenAuthMethod"),
                text(node, "protocolVersion"));
        identity.flowOptions(FlowOptions.headless().agent(), Duration.ofSeconds(1));
        return identity;
    }

    private static void putIfSet(ObjectNode node, String key, String value) {
        if (value != null) node.put(key, value);
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
