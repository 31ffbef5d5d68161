package dev.mcpworkbench.oauth.flow;

import dev.mcpworkbench.oauth.http.HttpExchange;
import java.net.URI;

/**
 * For authorization servers that approve without a person (test servers, CI): requests the
 * authorization URL with redirects off and follows its {@code Location} only if it points at the
 * redirect URI, i.e. into our own loopback listener.
 */
public final class HeadlessAgent implements AuthorizationAgent {

    private static final int MAX_HOPS = 5;

    @Override
    public URI authorize(URI authorizationUrl, URI redirectUri, AgentContext context) throws FlowException {
        URI next = authorizationUrl;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            HttpExchange exchange = context.get(next);
            if (!exchange.answered()) {
                throw new FlowException(StepKind.AUTHORIZATION_REQUEST, "the authorization endpoint did not answer: " + exchange.error());
            }
            String location = exchange.responseHeader("Location").orElse(null);
            if (exchange.status() / 100 != 3 || location == null) {
                throw new FlowException(StepKind.AUTHORIZATION_REQUEST, whyNoRedirect(exchange));
            }
            URI target = next.resolve(location);
            if (target.toString().startsWith(redirectUri.toString())) {
                context.note("The authorization server redirected to the callback without user interaction");
                return target;
            }
            if (!sameOrigin(target, authorizationUrl)) {
                throw new FlowException(StepKind.AUTHORIZATION_REQUEST,
                        "the authorization server redirected to another site (" + target.getHost() + "): it needs a person, use --auth browser");
            }
            next = target;
        }
        throw new FlowException(StepKind.AUTHORIZATION_REQUEST, "too many redirects at the authorization server");
    }

    /**
     * Only a page meant for a person (a login or consent form) needs one; an error object or any
     * other answer is the server refusing the request, and the user needs its reason.
     */
    static String whyNoRedirect(HttpExchange exchange) {
        int status = exchange.status();
        java.util.Optional<String> error = OAuthErrors.ofBody(exchange.responseBody());
        if (error.isPresent()) {
            return "the authorization server refused the authorization request (" + status + " " + error.get() + ")";
        }
        String type = exchange.responseHeader("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
        if (status / 100 == 2 && (type.startsWith("text/html") || type.startsWith("application/xhtml"))) {
            return "the authorization server answered with a page (a login or consent form): it needs a person, use --auth browser";
        }
        String body = exchange.responseBody() == null ? "" : OAuthErrors.oneLine(exchange.responseBody());
        return "the authorization server answered " + status + (type.isEmpty() ? "" : " (" + type + ")")
                + " instead of redirecting to the callback" + (body.isEmpty() ? "" : ": " + body);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()))
                && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost())) && a.getPort() == b.getPort();
    }
}
