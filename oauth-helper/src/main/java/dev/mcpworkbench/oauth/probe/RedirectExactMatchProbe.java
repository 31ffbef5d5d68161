package dev.mcpworkbench.oauth.probe;

import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.flow.ProbeStep;
import dev.mcpworkbench.oauth.flow.StepKind;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** OAUTH-021: is the redirect URI compared exactly (except the loopback port, RFC 8252 section 7.3)? */
final class RedirectExactMatchProbe implements ActiveProbe {

    static final String FOREIGN_HOST = "redirect-probe.invalid";

    @Override
    public String name() {
        return "redirect";
    }

    @Override
    public String ruleId() {
        return "OAUTH-021";
    }

    @Override
    public String title() {
        return "Redirect URI exact-matched";
    }

    @Override
    public String description() {
        return "Sends authorization requests as this client with altered redirect_uri values (an extra path segment, an added "
                + "query, the host " + FOREIGN_HOST + ", with and without the loopback port) and one with another loopback port; "
                + "codes sent to an altered URI are never redeemed.";
    }

    @Override
    public void run(ProbeContext context, ProbeStep step) {
        URI registered = context.client().redirectUri();
        if (registered == null) {
            step.skip("The client has no redirect URI");
            return;
        }
        for (Map.Entry<String, String> variant : variants(registered).entrySet()) {
            Map<String, String> params = context.authorizationParameters(ProbeContext.Pkce.s256());
            params.put("redirect_uri", variant.getValue());
            ProbeContext.Attempt attempt = context.authorize(step, params);
            step.note(variant.getKey() + " (" + variant.getValue() + "): " + attempt.describe());
            if (attempt.callback() != null) {
                step.raise(OAuthFinding.fail(ruleId(), StepKind.ACTIVE_PROBE,
                        "The authorization server redirected to a redirect URI that was never registered (" + variant.getKey() + ")",
                        "registered " + registered + ", requested " + variant.getValue() + " -> " + attempt.describe()));
            }
        }
        if (isLoopback(registered)) {
            int otherPort = registered.getPort() == 65535 || registered.getPort() < 0 ? 49152 : registered.getPort() + 1;
            String portVariant = withPort(registered, otherPort);
            Map<String, String> params = context.authorizationParameters(ProbeContext.Pkce.s256());
            params.put("redirect_uri", portVariant);
            ProbeContext.Attempt attempt = context.authorize(step, params);
            step.note("another loopback port (" + portVariant + "): " + attempt.describe());
            if (attempt.callback() == null) {
                step.raise(OAuthFinding.warn(ruleId(), StepKind.ACTIVE_PROBE,
                        "A loopback redirect on another port was refused: native clients cannot pick a free port (RFC 8252 section 7.3)",
                        "registered " + registered + ", requested " + portVariant + " -> " + attempt.describe()));
            }
        }
    }

    /** Altered redirect URIs by what was altered; the loopback ones also without the port, as clients often register them. */
    static Map<String, String> variants(URI registered) {
        Map<String, String> variants = new LinkedHashMap<>();
        Set<String> bases = new LinkedHashSet<>();
        String base = registered.toString();
        bases.add(base);
        if (isLoopback(registered) && registered.getPort() > 0) bases.add(withPort(registered, -1));
        for (String b : bases) {
            String portless = b.equals(base) ? "" : " without the port";
            String noQuery = b.contains("?") ? b.substring(0, b.indexOf('?')) : b;
            variants.put("an extra path segment" + portless, noQuery + (noQuery.endsWith("/") ? "" : "/") + "probe");
            variants.put("an added query" + portless, b + (b.contains("?") ? "&" : "?") + "probe=1");
        }
        variants.put("another host", registered.getScheme() + "://" + FOREIGN_HOST
                + (registered.getPort() > 0 ? ":" + registered.getPort() : "") + (registered.getRawPath() == null ? "" : registered.getRawPath()));
        return variants;
    }

    private static boolean isLoopback(URI uri) {
        return "http".equals(uri.getScheme()) && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost())
                || "[::1]".equals(uri.getHost()));
    }

    private static String withPort(URI uri, int port) {
        return uri.getScheme() + "://" + uri.getHost() + (port > 0 ? ":" + port : "") + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
