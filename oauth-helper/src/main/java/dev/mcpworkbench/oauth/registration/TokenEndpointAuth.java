package dev.mcpworkbench.oauth.registration;

import java.util.List;

/** Chooses the token endpoint authentication method the authorization server allows. */
public final class TokenEndpointAuth {

    public static final String NONE = "none";
    public static final String BASIC = "client_secret_basic";
    public static final String POST = "client_secret_post";
    /** A JWT assertion signed with the client's private key (RFC 7523 section 2.2). */
    public static final String PRIVATE_KEY_JWT = "private_key_jwt";
    /** The methods a user may choose. */
    public static final List<String> KNOWN = List.of(NONE, BASIC, POST, PRIVATE_KEY_JWT);

    private TokenEndpointAuth() {
    }

    /**
     * For a client with a secret: basic if allowed, else post. Without one: none. An absent list means
     * client_secret_basic only (RFC 8414 section 2).
     */
    public static String choose(boolean hasSecret, List<String> supported) {
        List<String> allowed = supported == null || supported.isEmpty() ? List.of(BASIC) : supported;
        if (!hasSecret) {
            return NONE;
        }
        if (allowed.contains(BASIC)) {
            return BASIC;
        }
        if (allowed.contains(POST)) {
            return POST;
        }
        return BASIC;
    }

    /**
     * The user's choice when there is one ({@code requested}), else {@link #choose(boolean, List)}:
     * an explicit choice wins even over the metadata, since servers misstate what they accept.
     */
    public static String choose(boolean hasSecret, List<String> supported, String requested) {
        return requested != null ? requested : choose(hasSecret, supported);
    }

    /** What a native client asks for at registration: none when allowed, else a secret method. */
    public static String preferredForRegistration(List<String> supported) {
        List<String> allowed = supported == null || supported.isEmpty() ? List.of(BASIC) : supported;
        if (allowed.contains(NONE)) {
            return NONE;
        }
        return allowed.contains(BASIC) ? BASIC : allowed.contains(POST) ? POST : NONE;
    }
}
