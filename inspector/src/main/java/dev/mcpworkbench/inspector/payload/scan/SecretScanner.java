package dev.mcpworkbench.inspector.payload.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials in text (OUTPUT-004). Built for 100 MB payloads: each pattern has a literal
 * anchor found with {@link String#indexOf} (vectorized by the JVM) and the regex runs only in a
 * short window there; the generic "secret-named key = high-entropy value" check looks only at
 * '=' and ':' characters. Text without any anchor costs a few memory scans, not a regex pass.
 */
public final class SecretScanner {

    private record Anchored(SecretKind kind, String anchor, Pattern pattern, int maxLength) {
    }

    private static final Pattern GITHUB = Pattern.compile("gh[pousr]_[A-Za-z0-9]{36,255}(?![A-Za-z0-9])");

    private static final List<Anchored> PATTERNS = List.of(
            new Anchored(SecretKind.AWS_ACCESS_KEY_ID, "AKIA", Pattern.compile("AKIA[0-9A-Z]{16}(?![0-9A-Za-z])"), 20),
            new Anchored(SecretKind.AWS_ACCESS_KEY_ID, "ASIA", Pattern.compile("ASIA[0-9A-Z]{16}(?![0-9A-Za-z])"), 20),
            new Anchored(SecretKind.GITHUB_TOKEN, "ghp_", GITHUB, 260),
            new Anchored(SecretKind.GITHUB_TOKEN, "gho_", GITHUB, 260),
            new Anchored(SecretKind.GITHUB_TOKEN, "ghu_", GITHUB, 260),
            new Anchored(SecretKind.GITHUB_TOKEN, "ghs_", GITHUB, 260),
            new Anchored(SecretKind.GITHUB_TOKEN, "ghr_", GITHUB, 260),
            new Anchored(SecretKind.GITHUB_TOKEN, "github_pat_", Pattern.compile("github_pat_[A-Za-z0-9_]{22,255}"), 270),
            new Anchored(SecretKind.SLACK_TOKEN, "xox", Pattern.compile("xox[abposr]-[A-Za-z0-9-]{10,250}"), 260),
            new Anchored(SecretKind.PRIVATE_KEY, "-----BEGIN ", Pattern.compile("-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY-----"), 60),
            new Anchored(SecretKind.JWT, "eyJ", Pattern.compile("eyJ[A-Za-z0-9_-]{8,4096}\\.eyJ[A-Za-z0-9_-]{8,8192}\\.[A-Za-z0-9_-]{16,1024}"), 13400),
            new Anchored(SecretKind.ANTHROPIC_KEY, "sk-ant-", Pattern.compile("sk-ant-[A-Za-z0-9_-]{32,200}"), 210),
            new Anchored(SecretKind.OPENAI_KEY, "sk-", Pattern.compile("sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,200}"), 220),
            new Anchored(SecretKind.STRIPE_KEY, "_live_", Pattern.compile("(?:sk|rk|pk)_live_[A-Za-z0-9]{20,200}"), 210),
            new Anchored(SecretKind.STRIPE_KEY, "_test_", Pattern.compile("(?:sk|rk)_test_[A-Za-z0-9]{20,200}"), 210),
            new Anchored(SecretKind.GCP_API_KEY, "AIza", Pattern.compile("AIza[0-9A-Za-z_-]{35}"), 39),
            new Anchored(SecretKind.NPM_TOKEN, "npm_", Pattern.compile("npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])"), 40));

    private static final String[] SECRET_WORDS = {
        "secret", "token", "password", "passwd", "pwd", "apikey", "api_key", "api-key", "access_key",
        "accesskey", "private_key", "credential", "auth"};

    private final double minEntropy;
    private final int minGenericLength;

    public SecretScanner(double minEntropy, int minGenericLength) {
        this.minEntropy = minEntropy;
        this.minGenericLength = minGenericLength;
    }

    public static SecretScanner defaults() {
        return new SecretScanner(3.5, 16);
    }

    /**
     * Every credential in {@code text}, in order of position, without overlaps. The text may be a
     * view of a document's bytes (the sweep reads them in place); a String is searched with
     * String's vectorized {@code indexOf}.
     */
    public List<SecretMatch> scan(CharSequence text) {
        List<SecretMatch> out = new ArrayList<>();
        findAnchored(text, out);
        findGenericAssignments(text, out);
        out.sort((x, y) -> Integer.compare(x.start(), y.start()));
        return out;
    }

    /** A JSON member whose name says "secret" and whose string value looks random. */
    public SecretMatch scanMember(String key, String value) {
        if (key == null || !isSecretName(key)) return null;
        if (!looksRandom(value)) return null;
        return SecretMatch.of(SecretKind.GENERIC_SECRET, value, 0, value.length());
    }

    /** The patterns by the first character of their anchor: one pass over the text tries only these. */
    private static final Anchored[][] BY_FIRST_CHAR = byFirstChar();

    private static Anchored[][] byFirstChar() {
        Anchored[][] table = new Anchored[128][];
        for (Anchored a : PATTERNS) {
            char c = a.anchor().charAt(0);
            Anchored[] old = table[c] == null ? new Anchored[0] : table[c];
            Anchored[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = a;
            table[c] = grown;
        }
        return table;
    }

    /**
     * One left-to-right pass: at each character that can start an anchor, the anchors starting
     * with it are tried, and a match skips past itself (a key inside a longer token is part of
     * that token). One pass instead of one {@code indexOf} per pattern halves the cost on 100 MB.
     */
    private static void findAnchored(CharSequence text, List<SecretMatch> out) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128) continue;
            Anchored[] candidates = BY_FIRST_CHAR[c];
            if (candidates == null) continue;
            for (Anchored a : candidates) {
                if (!startsWith(text, a.anchor(), i)) continue;
                int end = matchAt(text, i, a);
                if (end > 0) {
                    out.add(SecretMatch.of(a.kind(), text, startOfCandidate(text, i, a), end));
                    i = end - 1;
                    break;
                }
            }
        }
    }

    /** The end of a match of {@code a} whose anchor is at {@code at}, or -1. */
    private static boolean startsWith(CharSequence text, String prefix, int at) {
        if (at + prefix.length() > text.length()) return false;
        for (int k = 0; k < prefix.length(); k++) {
            if (text.charAt(at + k) != prefix.charAt(k)) return false;
        }
        return true;
    }

    private static int indexOf(CharSequence text, char c, int from) {
        if (text instanceof String s) return s.indexOf(c, from);
        for (int i = Math.max(0, from), n = text.length(); i < n; i++) {
            if (text.charAt(i) == c) return i;
        }
        return -1;
    }

    private static int matchAt(CharSequence text, int at, Anchored a) {
        int begin = startOfCandidate(text, at, a);
        if (begin < 0 || (begin > 0 && Character.isLetterOrDigit(text.charAt(begin - 1)))) return -1;
        Matcher m = a.pattern().matcher(text);
        m.region(begin, Math.min(text.length(), begin + a.maxLength() + 1));
        return m.lookingAt() ? m.end() : -1;
    }

    /** Stripe's anchor sits after a two-letter prefix; every other anchor starts the match. */
    private static int startOfCandidate(CharSequence text, int at, Anchored a) {
        if (a.anchor().startsWith("_")) return at >= 2 ? at - 2 : -1;
        return at;
    }

    private void findGenericAssignments(CharSequence text, List<SecretMatch> out) {
        findAssignments(text, '=', out);
        findAssignments(text, ':', out);
    }

    /**
     * {@code name<sep>value} where the name sounds secret and the value looks random. A ':' right
     * after a double quote is a JSON member separator: JSON members are judged by
     * {@link #scanMember} on the parsed key instead, which is cheaper than looking back from
     * every colon of a large document.
     */
    private void findAssignments(CharSequence text, char sep, List<SecretMatch> out) {
        int n = text.length();
        for (int i = indexOf(text, sep, 0); i >= 0 && i < n; i = indexOf(text, sep, i + 1)) {
            if (sep == ':' && i > 0 && text.charAt(i - 1) == '"') continue;
            if (!secretNameBefore(text, i)) continue;
            int vs = skipSpaceAndQuote(text, i + 1);
            int ve = vs;
            while (ve < n && isValueChar(text.charAt(ve))) ve++;
            if (ve - vs >= minGenericLength && looksRandom(text.subSequence(vs, ve).toString()) && !overlaps(out, vs, ve)) {
                out.add(SecretMatch.of(SecretKind.GENERIC_SECRET, text, vs, ve));
                i = ve;
            }
        }
    }

    private boolean looksRandom(String value) {
        if (value.length() < minGenericLength || value.length() > 4096) return false;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) return false;
        }
        return Entropy.bitsPerChar(value) >= minEntropy;
    }

    /**
     * Whether the name before the separator at {@code i} sounds secret. Read in place: prose has a
     * colon on every line, and a String per colon was 90 MB of garbage in a 100 MB result.
     */
    private static boolean secretNameBefore(CharSequence text, int i) {
        int e = i;
        if (e > 0 && (text.charAt(e - 1) == '"' || text.charAt(e - 1) == '\'')) e--;
        while (e > 0 && text.charAt(e - 1) == ' ') e--;
        if (e > 0 && (text.charAt(e - 1) == '"' || text.charAt(e - 1) == '\'')) e--;
        int s = e;
        boolean ascii = true;
        while (s > 0 && e - s < 64 && isNameChar(text.charAt(s - 1))) ascii &= text.charAt(--s) < 128;
        if (s == e) return false;
        // lower-casing a name with other letters can make ASCII of them (the Kelvin sign): those go the long way
        return ascii ? soundsSecret(text, s, e) : isSecretName(text.subSequence(s, e).toString());
    }

    /**
     * Whether the name {@code text[from, to)} holds a secret word, ASCII letters' case ignored (other
     * characters as they are: {@link #isSecretName} lower-cases a name before asking).
     */
    private static boolean soundsSecret(CharSequence text, int from, int to) {
        for (String w : SECRET_WORDS) {
            if (indexOfIgnoreCase(text, from, to, w) >= 0) {
                return !endsWithIgnoreCase(text, from, to, "_url") && indexOfIgnoreCase(text, from, to, "tokenizer") < 0
                        && !endsWithIgnoreCase(text, from, to, "_count");
            }
        }
        return false;
    }

    /** Where the lower-case ASCII {@code word} occurs in {@code text[from, to)}, case ignored, or -1. */
    private static int indexOfIgnoreCase(CharSequence text, int from, int to, String word) {
        for (int at = from, last = to - word.length(); at <= last; at++) {
            if (regionIsIgnoreCase(text, at, word)) return at;
        }
        return -1;
    }

    private static boolean endsWithIgnoreCase(CharSequence text, int from, int to, String word) {
        return to - from >= word.length() && regionIsIgnoreCase(text, to - word.length(), word);
    }

    private static boolean regionIsIgnoreCase(CharSequence text, int at, String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = text.charAt(at + k);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != word.charAt(k)) return false;
        }
        return true;
    }

    private static int skipSpaceAndQuote(CharSequence text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') i++;
        if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) i++;
        return i;
    }

    public static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return soundsSecret(lower, 0, lower.length());
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private static boolean isValueChar(char c) {
        return c > ' ' && c != '"' && c != '\'' && c != ',' && c != ';' && c != '}' && c != '&' && c != '\\' && c < 127;
    }

    private static boolean overlaps(List<SecretMatch> found, int start, int end) {
        for (SecretMatch m : found) {
            if (start < m.end() && m.start() < end) return true;
        }
        return false;
    }
}
