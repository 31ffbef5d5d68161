package dev.mcpworkbench.inspector.rules.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes credentials in text: provider token formats with fixed prefixes, private key
 * blocks, JWTs, and {@code key=value} pairs whose value looks random (Shannon entropy ≥ 3.5 bits
 * per character). Used by CONFIG-001 (client configs); tool outputs go through the one-pass
 * {@code payload.scan.SecretScanner} (OUTPUT-004), which keeps its own anchored list: the two
 * lists overlap and should become one.
 * Matches carry a redacted form: a secret's full value must never reach a report or a log.
 */
public final class SecretPatterns {

    /** Default minimum entropy of a generic {@code key=value} secret, bits per character. */
    public static final double GENERIC_MIN_ENTROPY = 3.5;
    private static final int GENERIC_MIN_LENGTH = 16;

    /** A recognized secret. {@code start}/{@code end} index the value in the scanned text. */
    public record SecretMatch(String kind, int start, int end, String redacted) {
    }

    private record Kind(String name, Pattern pattern) {
    }

    private static final String B = "(?<![A-Za-z0-9_])";
    private static final String E = "(?![A-Za-z0-9_])";

    private static final List<Kind> KINDS = List.of(
            new Kind("private key block", Pattern.compile(
                    "-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----")),
            new Kind("AWS access key id", Pattern.compile(B + "(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}" + E)),
            new Kind("GitHub token", Pattern.compile(B + "(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{50,255})" + E)),
            new Kind("Slack token", Pattern.compile(B + "xox[abposr]-[A-Za-z0-9-]{10,}" + E)),
            new Kind("Anthropic API key", Pattern.compile(B + "sk-ant-[A-Za-z0-9_-]{20,}" + E)),
            new Kind("OpenAI API key", Pattern.compile(B + "sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}" + E)),
            new Kind("Stripe key", Pattern.compile(B + "(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}" + E)),
            new Kind("Google API key", Pattern.compile(B + "AIza[0-9A-Za-z_-]{35}" + E)),
            new Kind("npm token", Pattern.compile(B + "npm_[A-Za-z0-9]{36}" + E)),
            new Kind("JSON Web Token", Pattern.compile(B + "eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}" + E)));

    private static final Pattern SECRET_KEY_NAME = Pattern.compile(
            "(?i)(?:api[_-]?key|apikey|secret|token|passw(?:or)?d|pwd|credential|auth|private[_-]?key|access[_-]?key)");

    private static final Pattern GENERIC_PAIR = Pattern.compile(
            "(?i)([A-Za-z0-9_.-]{0,40}(?:api[_-]?key|apikey|secret|token|passw(?:or)?d|pwd|credential|private[_-]?key|access[_-]?key)[A-Za-z0-9_.-]{0,20})"
                    + "[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+_.~=-]{16,})");

    private SecretPatterns() {
    }

    /** Every provider-format secret and every high-entropy {@code key=value} secret in the text. */
    public static List<SecretMatch> find(String text) {
        return find(text, GENERIC_MIN_ENTROPY);
    }

    public static List<SecretMatch> find(String text, double minEntropy) {
        List<SecretMatch> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        for (Kind kind : KINDS) {
            Matcher m = kind.pattern().matcher(text);
            while (m.find()) addUnlessOverlapping(out, new SecretMatch(kind.name(), m.start(), m.end(), redact(m.group())));
        }
        Matcher m = GENERIC_PAIR.matcher(text);
        while (m.find()) {
            String value = m.group(2);
            if (looksRandom(value, minEntropy)) {
                addUnlessOverlapping(out, new SecretMatch("secret assigned to " + m.group(1), m.start(2), m.end(2), redact(value)));
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /**
     * A secret given as a named value (an environment variable, a header): a provider format in
     * the value, or a secret-sounding name with a random-looking value.
     */
    public static List<SecretMatch> findInNamedValue(String name, String value) {
        List<SecretMatch> out = find(value);
        if (out.isEmpty() && value != null && isSecretName(name) && looksRandom(stripScheme(value), GENERIC_MIN_ENTROPY)
                && !isReference(value)) {
            out.add(new SecretMatch("secret in " + name, 0, value.length(), redact(value)));
        }
        return out;
    }

    public static boolean isSecretName(String name) {
        return name != null && (SECRET_KEY_NAME.matcher(name).find() || name.equalsIgnoreCase("authorization"));
    }

    /** ${VAR}, ${input:x}, $VAR, {{x}}, <placeholder>: references, not literals. */
    public static boolean isReference(String value) {
        String v = value.trim();
        return v.startsWith("${") || v.startsWith("$") || v.startsWith("{{") || v.startsWith("<") || v.contains("${");
    }

    private static String stripScheme(String value) {
        String v = value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bearer ")) return v.substring(7).trim();
        if (lower.startsWith("basic ")) return v.substring(6).trim();
        if (lower.startsWith("token ")) return v.substring(6).trim();
        return v;
    }

    static boolean looksRandom(String value, double minEntropy) {
        if (value.length() < GENERIC_MIN_LENGTH) return false;
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        return letter && digit && entropy(value) >= minEntropy;
    }

    /** Shannon entropy in bits per character. */
    public static double entropy(String s) {
        if (s.isEmpty()) return 0;
        java.util.Map<Character, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < s.length(); i++) counts.merge(s.charAt(i), 1, Integer::sum);
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / s.length();
            h -= p * (Math.log(p) / Math.log(2));
        }
        return h;
    }

    /** First four characters, then the length: enough to recognize, not to use. */
    public static String redact(String secret) {
        if (secret.length() <= 8) return "****";
        return secret.substring(0, 4) + "…(" + secret.length() + " chars)";
    }

    private static void addUnlessOverlapping(List<SecretMatch> out, SecretMatch candidate) {
        for (SecretMatch m : out) {
            if (candidate.start() < m.end() && m.start() < candidate.end()) return;
        }
        out.add(candidate);
    }
}
