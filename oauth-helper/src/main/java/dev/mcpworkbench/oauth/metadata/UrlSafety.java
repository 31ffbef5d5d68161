package dev.mcpworkbench.oauth.metadata;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges a URL a server handed over before the flow fetches or opens it (SSRF and downgrade guard):
 * http(s) only, https unless the host is loopback, and private or link-local targets flagged.
 * Host names are resolved only to classify them; nothing is fetched here.
 */
public final class UrlSafety {

    /** What is wrong with a URL, or nothing. */
    public enum Problem {
        NOT_ABSOLUTE("is not an absolute URL"),
        BAD_SCHEME("uses a scheme other than http or https"),
        CLEARTEXT("uses plain http to a host that is not loopback"),
        PRIVATE_ADDRESS("points at a private or link-local address"),
        LOOPBACK_FROM_REMOTE("points into this machine (loopback) although the server that handed it over is remote"),
        USERINFO("carries user credentials"),
        FRAGMENT("carries a fragment");

        private final String text;

        Problem(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private UrlSafety() {
    }

    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.startsWith("127.");
    }

    /** The first problem found, checking scheme, transport, then the address class. */
    public static Optional<Problem> check(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
            return Optional.of(Problem.NOT_ABSOLUTE);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(Problem.BAD_SCHEME);
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of(Problem.USERINFO);
        }
        boolean loopback = isLoopbackHost(uri.getHost());
        if (scheme.equals("http") && !loopback) {
            return Optional.of(Problem.CLEARTEXT);
        }
        if (!loopback && isPrivate(uri.getHost())) {
            return Optional.of(Problem.PRIVATE_ADDRESS);
        }
        return Optional.empty();
    }

    /**
     * {@link #check(URI)} for a URL that {@code server} handed over: a remote server must not steer
     * the workbench into the user's own machine (a loopback service reachable only from here), and a
     * private address is fine only when it is the server's own host.
     */
    public static Optional<Problem> check(URI uri, URI server) {
        Optional<Problem> problem = check(uri);
        boolean ownHost = server != null && server.getHost() != null && uri != null && uri.getHost() != null
                && uri.getHost().equalsIgnoreCase(server.getHost());
        if (problem.isPresent()) {
            return problem.get() == Problem.PRIVATE_ADDRESS && ownHost ? Optional.empty() : problem;
        }
        boolean remoteServer = server == null || !isLoopbackHost(server.getHost());
        if (remoteServer && isLoopbackHost(uri.getHost())) {
            return Optional.of(Problem.LOOPBACK_FROM_REMOTE);
        }
        return Optional.empty();
    }

    /** Private, link-local, unique-local or unspecified address (literal or resolved). */
    static boolean isPrivate(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!looksLikeLiteral(h)) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(h);
            byte[] b = address.getAddress();
            boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
            boolean cgnat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
            return address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                    || uniqueLocalV6 || cgnat;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Only IP literals are classified: resolving names would itself reach out to DNS for untrusted input. */
    private static boolean looksLikeLiteral(String h) {
        return h.contains(":") || h.matches("[0-9.]+");
    }
}
