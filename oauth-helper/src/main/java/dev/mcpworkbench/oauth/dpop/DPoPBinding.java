package dev.mcpworkbench.oauth.dpop;

import dev.mcpworkbench.oauth.token.TokenInspection;
import dev.mcpworkbench.oauth.token.TokenInspector;

/** What the client can see of a DPoP-bound token's binding, for the trace: its cnf.jkt against the session's key. */
public final class DPoPBinding {

    /** The token step's input naming the session key's thumbprint (what a bound token's cnf.jkt should be). */
    public static final String KEY_INPUT = "DPoP key (jkt)";

    private DPoPBinding() {
    }

    /** One line: whether a JWT access token's cnf.jkt names {@code sessionThumbprint}; an opaque token hides it. */
    public static String describe(String accessToken, String sessionThumbprint) {
        TokenInspection inspection = TokenInspector.decode(accessToken);
        if (!inspection.jwt()) {
            return "DPoP (opaque token: the binding is known to the servers only); session key jkt " + sessionThumbprint;
        }
        String jkt = inspection.confirmationThumbprint();
        if (jkt == null) {
            return "DPoP, but the token carries no cnf.jkt: nothing in it binds it to the session's key " + sessionThumbprint;
        }
        return "DPoP, cnf.jkt " + jkt + (jkt.equals(sessionThumbprint) ? " (this session's key)"
                : " (NOT this session's key " + sessionThumbprint + ")");
    }
}
