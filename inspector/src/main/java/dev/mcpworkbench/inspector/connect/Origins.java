package dev.mcpworkbench.inspector.connect;

import java.net.URI;
import java.util.Locale;

/**
 * The one same-origin check (RFC 6454: scheme, host, port) for every URL a server hands the
 * client to send to: a redirect's {@code Location} and a legacy SSE {@code endpoint} event. Headers
 * the user gave (API keys, {@code Authorization}) are only ever sent to the origin the user named.
 */
public final class Origins {

    private Origins() {
    }

    /** True when {@code other} has the same scheme, host and port (default ports filled in) as {@code base}. */
    public static boolean same(URI base, URI other) {
        if (base == null || other == null || base.getScheme() == null || other.getScheme() == null) return false;
        String scheme = base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals(other.getScheme().toLowerCase(Locale.ROOT))) return false;
        if (base.getHost() == null || other.getHost() == null || !base.getHost().equalsIgnoreCase(other.getHost())) return false;
        return port(base) == port(other);
    }

    /** {@code scheme://host:port} of a URL, for messages. */
    public static String of(URI url) {
        String scheme = url.getScheme() == null ? "?" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme + "://" + url.getHost() + ":" + port(url);
    }

    private static int port(URI url) {
        if (url.getPort() >= 0) return url.getPort();
        return switch (url.getScheme().toLowerCase(Locale.ROOT)) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }
}
