package dev.mcpworkbench.inspector.payload.scan;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that takes credentials out of text before it is kept: findings (message and
 * evidence), scan errors, a snapshot's list errors, traffic exports and so every report. It masks
 * what {@link SecretScanner} recognizes (OUTPUT-004's formats), and, being there to hide rather
 * than to judge, more loosely than the scanner: a known token prefix followed by a dozen token
 * characters (a token cut short by an evidence window is still a token), each part of a JWT, the
 * body of a private key block, bearer and basic credentials, the password of a URL's user info,
 * secret-named query parameters and JSON members.
 *
 * <p>Masking is idempotent: masked text contains nothing this class masks again.
 */
public final class SecretRedactor {

    /** What replaces a value known only by its name or place (a URL's password, a bearer token). */
    public static final String MASK = "••••••";

    private static final SecretScanner SCANNER = SecretScanner.defaults();

    private static final Pattern BEARER = Pattern.compile("\\b((?i:bearer)\\s+|Basic\\s+)([A-Za-z0-9._~+/=-]{8,})");
    /**
     * A secret-named JSON member, also inside a JSON string (its quotes escaped: a body quoted in an
     * error) and without its opening quote (an evidence window that starts at the name).
     */
    private static final Pattern JSON_SECRET_FIELD = Pattern.compile(
            "((?:\\\\?\")?(?:access_token|refresh_token|id_token|client_secret|password|passwd|api_key|apiKey|token|secret|code_verifier)"
                    + "\\\\?\"\\s*:\\s*\\\\?\")((?:[^\"\\\\]|\\\\[^\"])+)(\\\\?\")");
    /** The password of a URL's user info: {@code postgresql://app:s3cret@db/x}, {@code redis://:pw@host}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s/@:\"']*:)([^\\s/@\"']+)(@)");
    private static final Pattern URL_SECRET_PARAM = Pattern.compile(
            "(?i)([?&;](?:access_token|token|api_key|apikey|api-key|key|secret|password|passwd|pwd|client_secret|code|sig|signature|auth)=)([^&#\\s\"'<>]+)");
    /** Known token prefixes, loosely: the scanner wants exact lengths, a mask does not. */
    private static final Pattern PREFIXED_TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9])(?:gh[pousr]_|github_pat_|xox[abposr]-|sk-ant-|sk-(?:proj-|svcacct-|admin-)?|[rsp]k_(?:live|test)_"
                    + "|AKIA|ASIA|AIza|npm_|glpat-|hf_)[A-Za-z0-9_-]{12,}");
    /** A base64url JSON object ("eyJ") and whatever dot-separated parts follow it: a JWT, whole or in part. */
    private static final Pattern JWT_PARTS = Pattern.compile("(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{6,}(?:\\.[A-Za-z0-9_-]*){0,4}");
    private static final Pattern PRIVATE_KEY_BLOCK = Pattern.compile(
            "(-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY-----)([\\s\\S]{0,16384}?)(-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY-----|$)");

    /** Cheap pre-check: text without any of these characters holds nothing to mask. */
    private static final String TRIGGERS = "=:_-@.";

    private SecretRedactor() {
    }

    /**
     * {@code text} with every credential this class knows masked; null and "" pass through. Every
     * finding goes through here, so each pattern runs only where a literal it needs occurs (a
     * memory scan): a 200,000-tool scan makes over half a million findings.
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty() || !mayHoldSecret(text)) return text;
        String out = text;
        if (out.contains("PRIVATE KEY")) out = replace(PRIVATE_KEY_BLOCK, out, 2);
        if (containsAny(out, "earer", "EARER", "Basic")) out = replace(BEARER, out, 2);
        if (out.indexOf('"') >= 0 && containsAny(out, SECRET_MEMBER_WORDS)) out = replace(JSON_SECRET_FIELD, out, 2);
        if (out.indexOf('@') >= 0 && out.contains("://")) out = replace(URL_PASSWORD, out, 2);
        if (out.indexOf('=') >= 0 && (out.indexOf('?') >= 0 || out.indexOf('&') >= 0 || out.indexOf(';') >= 0)) {
            out = replace(URL_SECRET_PARAM, out, 2);
        }
        out = maskScanned(out);
        if (containsAny(out, TOKEN_PREFIXES)) out = maskWhole(PREFIXED_TOKEN, out);
        if (out.contains("eyJ")) out = maskWhole(JWT_PARTS, out);
        return out;
    }

    private static final String[] SECRET_MEMBER_WORDS = {"token", "secret", "password", "passwd", "api_key", "apiKey", "code_verifier"};
    private static final String[] TOKEN_PREFIXES = {
        "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "xox", "sk-", "k_live_", "k_test_", "AKIA", "ASIA", "AIza", "npm_", "glpat-", "hf_"};

    private static boolean containsAny(String text, String... needles) {
        for (String n : needles) {
            if (text.contains(n)) return true;
        }
        return false;
    }

    /** The passwords of the URLs in {@code text} ({@code scheme://user:password@host}), in order. */
    public static List<String> urlPasswords(String text) {
        if (text == null || text.indexOf('@') < 0) return List.of();
        List<String> out = new java.util.ArrayList<>();
        Matcher m = URL_PASSWORD.matcher(text);
        while (m.find()) out.add(m.group(2));
        return out;
    }

    /** True when {@code text} still holds a value {@link #redact} would mask. */
    public static boolean holdsSecret(String text) {
        return text != null && !text.equals(redact(text));
    }

    private static boolean mayHoldSecret(String text) {
        for (int i = 0; i < TRIGGERS.length(); i++) {
            if (text.indexOf(TRIGGERS.charAt(i)) >= 0) return true;
        }
        return false;
    }

    /** What OUTPUT-004 finds (credential formats, secret-named random values), masked as OUTPUT-004 shows them. */
    private static String maskScanned(String text) {
        List<SecretMatch> found = SCANNER.scan(text);
        if (found.isEmpty()) return text;
        StringBuilder b = new StringBuilder(text.length());
        int at = 0;
        for (SecretMatch m : found) {
            // private key blocks are masked whole above; the scanner's match is only their first line
            if (!m.kind().isSecret() || m.kind() == SecretKind.PRIVATE_KEY || m.start() < at) continue;
            b.append(text, at, m.start()).append(m.masked());
            at = m.end();
        }
        return b.append(text, at, text.length()).toString();
    }

    private static String maskWhole(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) return text;
        StringBuilder sb = new StringBuilder(text.length());
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(Masking.mask(m.group())));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    private static String replace(Pattern pattern, String text, int secretGroup) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) return text;
        StringBuilder sb = new StringBuilder(text.length());
        do {
            StringBuilder replacement = new StringBuilder();
            for (int g = 1; g <= m.groupCount(); g++) {
                String part = g == secretGroup ? (m.group(g).isEmpty() ? "" : MASK) : m.group(g);
                replacement.append(part == null ? "" : part);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement.toString()));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
