package dev.mcpworkbench.oauth.dpop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.oauth.challenge.ChallengeParseException;
import dev.mcpworkbench.oauth.challenge.WwwAuthenticateParser;
import dev.mcpworkbench.oauth.http.HttpExchange;
import java.util.List;
import java.util.Optional;

/**
 * A server's demand that the next proof carry its nonce (RFC 9449): the authorization server answers
 * 400 {@code {"error":"use_dpop_nonce"}} (section 8), the resource server 401 with
 * {@code WWW-Authenticate: DPoP error="use_dpop_nonce"} (section 9); both send the nonce in
 * {@code DPoP-Nonce}. A demand without the header cannot be met and is not one.
 */
public final class DPoPNonceDemand {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String ERROR = "use_dpop_nonce";

    private DPoPNonceDemand() {
    }

    /** The nonce a token endpoint's answer demands, if it demands one. */
    public static Optional<String> fromTokenEndpoint(HttpExchange answer) {
        if (!answer.answered() || answer.status() != 400) return Optional.empty();
        Optional<String> nonce = answer.responseHeader("DPoP-Nonce").filter(n -> !n.isBlank());
        if (nonce.isEmpty()) return Optional.empty();
        try {
            JsonNode body = MAPPER.readTree(answer.responseBody());
            return body != null && ERROR.equals(body.path("error").asText()) ? nonce : Optional.empty();
        } catch (Exception notJson) {
            return Optional.empty();
        }
    }

    /** The nonce a resource server's 401 demands, from its challenges and its DPoP-Nonce header. */
    public static Optional<String> fromResourceServer(int status, List<String> wwwAuthenticate, Optional<String> nonceHeader) {
        if (status != 401 || nonceHeader.filter(n -> !n.isBlank()).isEmpty()) return Optional.empty();
        try {
            boolean demanded = WwwAuthenticateParser.parse(wwwAuthenticate).stream()
                    .anyMatch(c -> c.isScheme("DPoP") && c.param("error").map(ERROR::equals).orElse(false));
            return demanded ? nonceHeader : Optional.empty();
        } catch (ChallengeParseException unreadable) {
            return Optional.empty();
        }
    }
}
