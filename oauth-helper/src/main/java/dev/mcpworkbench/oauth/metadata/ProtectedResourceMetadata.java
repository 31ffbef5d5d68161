package dev.mcpworkbench.oauth.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 9728 protected resource metadata: the document an MCP server publishes to name its
 * authorization servers. Only the members the flow uses are typed; the raw JSON is kept for display.
 */
public record ProtectedResourceMetadata(
        String resource,
        List<String> authorizationServers,
        List<String> scopesSupported,
        List<String> bearerMethodsSupported,
        JsonNode raw) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ProtectedResourceMetadata {
        authorizationServers = List.copyOf(authorizationServers);
        scopesSupported = List.copyOf(scopesSupported);
        bearerMethodsSupported = List.copyOf(bearerMethodsSupported);
    }

    /** The member of {@link #raw} that marks metadata the workbench implied rather than read. */
    public static final String IMPLIED_MEMBER = "x-mcp-workbench-implied";

    /**
     * What a server of the 2025-03-26 revision implies by publishing no metadata: it is its own
     * resource, and the authorization server lives at its origin. The raw JSON says it was implied,
     * so the trace never shows it as something the server sent.
     */
    public static ProtectedResourceMetadata impliedByRevision20250326(URI canonicalServer, URI origin) {
        var raw = MAPPER.createObjectNode();
        raw.put("resource", canonicalServer.toString());
        raw.putArray("authorization_servers").add(origin.toString());
        raw.put(IMPLIED_MEMBER, "no protected resource metadata: 2025-03-26 discovery at the server's origin");
        return new ProtectedResourceMetadata(canonicalServer.toString(), List.of(origin.toString()), List.of(), List.of(), raw);
    }

    /** True for {@link #impliedByRevision20250326 implied} metadata. */
    public boolean implied() {
        return raw != null && raw.has(IMPLIED_MEMBER);
    }

    /** Parses a document; the error names what is missing (rule OAUTH-004). */
    public static ProtectedResourceMetadata parse(String json) throws InvalidMetadataException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (Exception e) {
            throw new InvalidMetadataException("not JSON: " + shortMessage(e));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidMetadataException("not a JSON object");
        }
        JsonNode resource = root.get("resource");
        if (resource == null || !resource.isTextual() || resource.asText().isBlank()) {
            throw new InvalidMetadataException("no 'resource' member");
        }
        List<String> servers = strings(root.get("authorization_servers"));
        if (servers.isEmpty()) {
            throw new InvalidMetadataException("'authorization_servers' missing or empty");
        }
        return new ProtectedResourceMetadata(resource.asText(), servers, strings(root.get("scopes_supported")),
                strings(root.get("bearer_methods_supported")), root);
    }

    public Optional<URI> resourceUri() {
        try {
            return Optional.of(new URI(resource));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** RFC 9728 {@code dpop_bound_access_tokens_required}: the resource takes DPoP-bound tokens only. */
    public boolean dpopBoundAccessTokensRequired() {
        return raw != null && raw.path("dpop_bound_access_tokens_required").asBoolean(false);
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> {
                if (n.isTextual()) {
                    out.add(n.asText());
                }
            });
        }
        return out;
    }

    static String shortMessage(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }

    /** A metadata document that cannot be used. */
    public static final class InvalidMetadataException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidMetadataException(String message) {
            super(message);
        }
    }
}
