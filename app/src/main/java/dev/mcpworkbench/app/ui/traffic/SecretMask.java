package dev.mcpworkbench.app.ui.traffic;

import java.util.regex.Pattern;

/**
 * Hides secrets in what the traffic pane shows: Authorization/Cookie/API-key header values,
 * bearer tokens and JSON fields named like secrets. The user can reveal them on purpose.
 */
public final class SecretMask {

    private static final Pattern HEADER = Pattern.compile(
            "(?im)^((?:authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token|mcp-session-id)\\s*:\\s*)(\\S.*)$");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(?i)(\"(?:access_token|refresh_token|id_token|client_secret|password|api[_-]?key|secret|token|authorization)\"\\s*:\\s*\")([^\"]{4,})(\")");

    private SecretMask() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) return "";
        String out = HEADER.matcher(text).replaceAll(m -> q(m.group(1)) + "••••••");
        out = BEARER.matcher(out).replaceAll(m -> q(m.group(1)) + "••••••");
        return JSON_FIELD.matcher(out).replaceAll(m -> q(m.group(1)) + "••••••" + q(m.group(3)));
    }

    private static String q(String s) {
        return java.util.regex.Matcher.quoteReplacement(s);
    }
}
