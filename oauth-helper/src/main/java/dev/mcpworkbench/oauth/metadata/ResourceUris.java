package dev.mcpworkbench.oauth.metadata;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Canonical resource identifiers (RFC 8707, MCP) and the well-known URLs built from them (RFC 9728, RFC 8414). */
public final class ResourceUris {

    private ResourceUris() {
    }

    /**
     * The canonical URI of an MCP server: lower-case scheme and host, no fragment, no trailing slash
     * on the path (an empty path stays empty). Throws on a URL that carries a fragment, as the spec
     * forbids them in a resource identifier.
     */
    public static URI canonical(URI server) {
        if (server.getRawFragment() != null) {
            throw new IllegalArgumentException("a server URL must not carry a fragment: " + server);
        }
        if (!server.isAbsolute() || server.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + server);
        }
        String path = server.getRawPath() == null ? "" : server.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return build(server.getScheme().toLowerCase(Locale.ROOT), server.getRawAuthority().toLowerCase(Locale.ROOT),
                path, server.getRawQuery());
    }

    public static URI origin(URI uri) {
        return build(uri.getScheme().toLowerCase(Locale.ROOT), uri.getRawAuthority().toLowerCase(Locale.ROOT), "", null);
    }

    public static boolean sameOrigin(URI a, URI b) {
        return origin(a).equals(origin(b));
    }

    /** RFC 9728 section 3.1: the path-inserted URL first (when the server has a path), then the root. */
    public static List<URI> protectedResourceMetadataCandidates(URI server) {
        URI canonical = canonical(server);
        List<URI> candidates = new ArrayList<>();
        String path = canonical.getRawPath();
        String base = origin(canonical).toString();
        if (!path.isEmpty()) {
            candidates.add(URI.create(base + "/.well-known/oauth-protected-resource" + path));
        }
        candidates.add(URI.create(base + "/.well-known/oauth-protected-resource"));
        return candidates;
    }

    /**
     * RFC 8414 section 3.1 and OpenID discovery, in the MCP spec's order. For a path issuer:
     * oauth-authorization-server infix, openid-configuration infix, openid-configuration suffix.
     */
    public static List<URI> authorizationServerMetadataCandidates(URI issuer) {
        String path = issuer.getRawPath() == null ? "" : issuer.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String base = origin(issuer).toString();
        if (path.isEmpty()) {
            return List.of(URI.create(base + "/.well-known/oauth-authorization-server"),
                    URI.create(base + "/.well-known/openid-configuration"));
        }
        return List.of(URI.create(base + "/.well-known/oauth-authorization-server" + path),
                URI.create(base + "/.well-known/openid-configuration" + path),
                URI.create(base + path + "/.well-known/openid-configuration"));
    }

    private static URI build(String scheme, String authority, String path, String query) {
        try {
            return new URI(scheme + "://" + authority + path + (query == null ? "" : "?" + query));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
