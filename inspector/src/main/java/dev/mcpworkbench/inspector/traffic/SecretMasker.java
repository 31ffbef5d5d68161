package dev.mcpworkbench.inspector.traffic;

import dev.mcpworkbench.inspector.payload.scan.SecretRedactor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in everything the workbench shows or exports: authorization and cookie headers,
 * headers and environment variables named like keys, tokens, secrets or passwords, bearer tokens
 * and token-like JSON fields inside text, {@code --token=...}-style command-line options, and the
 * passwords of URLs ({@code scheme://user:password@host}).
 *
 * <p>{@link #MASKING} is the default for every view and export; {@link #REVEALING} is what a view
 * uses while the user has chosen to reveal secrets.
 */
public final class SecretMasker {

    public static final String MASK = SecretRedactor.MASK;
    public static final SecretMasker MASKING = new SecretMasker(true);
    public static final SecretMasker REVEALING = new SecretMasker(false);

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(authorization|cookie|token|secret|passw(or)?d|passphrase|api[-_]?key|apikey|access[-_]?key"
                    + "|private[-_]?key|client[-_]?key|credential|session[-_]?id|signature|auth).*");
    private static final Pattern NOT_SECRET_NAME = Pattern.compile(
            "(?i)(mcp-session-id|www-authenticate|.*author(?!i[sz]ation).*|.*tokenizer.*|.*max[-_]?tokens?.*)");
    private static final Pattern SECRET_OPTION = Pattern.compile(
            "(?i)(--?[A-Za-z0-9-]*(?:token|secret|password|passwd|api-?key|apikey|credential)[A-Za-z0-9-]*[=\\s]+)(\\S+)");
    /** "Name: value" lines, as a view prints HTTP headers above a body. */
    private static final Pattern HEADER_LINE = Pattern.compile("(?m)^([A-Za-z0-9-]{1,64})([ \\t]*:[ \\t]*)(\\S[^\\r\\n]*)$");


    private final boolean masking;

    private SecretMasker(boolean masking) {
        this.masking = masking;
    }

    public static SecretMasker of(boolean reveal) {
        return reveal ? REVEALING : MASKING;
    }

    public boolean isMasking() {
        return masking;
    }

    /** True when a header, environment variable or field of that name holds a secret. */
    public static boolean isSecretName(String name) {
        if (name == null) return false;
        return SECRET_NAME.matcher(name).matches() && !NOT_SECRET_NAME.matcher(name).matches();
    }

    /** The value, or the mask when {@code name} says it is a secret. */
    public String value(String name, String value) {
        if (!masking || value == null || !isSecretName(name)) return value;
        return maskKeepingScheme(value);
    }

    /** Headers with secret values masked; names keep their case and order. */
    public Map<String, List<String>> headers(Map<String, List<String>> headers) {
        if (!masking) return headers;
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> out.put(name, values.stream().map(v -> value(name, v)).toList()));
        return out;
    }

    /** Environment variables with secret values masked. */
    public Map<String, String> env(Map<String, String> env) {
        if (!masking) return env;
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((name, v) -> out.put(name, value(name, v)));
        return out;
    }

    /**
     * Free text (a JSON-RPC message, a command line, a URL, a stderr line) with embedded secrets
     * masked: "Name: value" header lines and {@code --token=...} options here, every credential
     * format through {@link SecretRedactor}, the masker every finding and report goes through too.
     */
    public String text(String text) {
        if (!masking || text == null || text.isEmpty()) return text;
        String out = maskHeaderLines(text);
        out = replace(SECRET_OPTION, out, 2);
        return SecretRedactor.redact(out);
    }

    /** The entry's text with secrets masked; what a traffic view shows. */
    public String text(TrafficEntry entry) {
        return text(entry.text());
    }

    /** The entry's HTTP headers masked, if it has any. */
    public HttpInfo http(HttpInfo http) {
        if (!masking || http == null) return http;
        return new HttpInfo(http.method(), text(http.url()), headers(http.requestHeaders()),
                http.status(), headers(http.responseHeaders()));
    }

    private static String maskHeaderLines(String text) {
        Matcher m = HEADER_LINE.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        boolean changed = false;
        while (m.find()) {
            if (!isSecretName(m.group(1))) continue;
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2) + maskKeepingScheme(m.group(3))));
            changed = true;
        }
        if (!changed) return text;
        m.appendTail(sb);
        return sb.toString();
    }

    private static String maskKeepingScheme(String value) {
        Matcher m = Pattern.compile("(?i)^(bearer|basic|token|dpop)\\s+").matcher(value);
        return m.find() ? m.group() + MASK : MASK;
    }

    private static String replace(Pattern pattern, String text, int secretGroup) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) return text;
        StringBuilder sb = new StringBuilder(text.length());
        do {
            StringBuilder replacement = new StringBuilder();
            for (int g = 1; g <= m.groupCount(); g++) {
                String part = g == secretGroup ? MASK : m.group(g);
                replacement.append(part == null ? "" : part);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement.toString()));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
