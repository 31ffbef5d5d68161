package dev.mcpworkbench.oauth.challenge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code WWW-Authenticate} values per RFC 9110 section 11.6.1: several challenges in one value,
 * auth-params with token or quoted-string values (backslash escapes), or a token68. Nimbus drops
 * parameters it does not know (such as {@code resource_metadata}), hence this parser.
 * Linear in the input; every loop advances, so it cannot hang.
 */
public final class WwwAuthenticateParser {

    private static final int MAX_LENGTH = 64 * 1024;
    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";
    private static final String TOKEN68_SYMBOLS = "-._~+/";

    private final String s;
    private int pos;

    private WwwAuthenticateParser(String s) {
        this.s = s;
    }

    /** Parses all header lines (each may hold several challenges). */
    public static List<Challenge> parse(List<String> headerValues) throws ChallengeParseException {
        List<Challenge> all = new ArrayList<>();
        for (String value : headerValues) {
            all.addAll(parse(value));
        }
        return all;
    }

    public static List<Challenge> parse(String headerValue) throws ChallengeParseException {
        if (headerValue == null) {
            return List.of();
        }
        if (headerValue.length() > MAX_LENGTH) {
            throw new ChallengeParseException("header longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        return new WwwAuthenticateParser(headerValue).challenges();
    }

    private List<Challenge> challenges() throws ChallengeParseException {
        List<Challenge> result = new ArrayList<>();
        skipCommasAndSpace();
        while (pos < s.length()) {
            result.add(challenge());
            skipSpace();
            if (pos < s.length() && s.charAt(pos) != ',') {
                throw new ChallengeParseException("expected ',' between challenges", pos);
            }
            skipCommasAndSpace();
        }
        return result;
    }

    private Challenge challenge() throws ChallengeParseException {
        String scheme = token();
        if (scheme.isEmpty()) {
            throw new ChallengeParseException("expected an auth-scheme", pos);
        }
        int afterScheme = pos;
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) == ',' || pos == afterScheme) {
            if (pos < s.length() && s.charAt(pos) != ',' && pos == afterScheme) {
                throw new ChallengeParseException("expected a space after the auth-scheme", pos);
            }
            return new Challenge(scheme, null, Map.of());
        }
        if (!startsAuthParam(pos)) {
            return new Challenge(scheme, token68(), Map.of());
        }
        return new Challenge(scheme, null, authParams());
    }

    private Map<String, String> authParams() throws ChallengeParseException {
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            String name = token().toLowerCase(Locale.ROOT);
            skipSpace();
            expect('=');
            skipSpace();
            String value = pos < s.length() && s.charAt(pos) == '"' ? quotedString() : token();
            if (params.containsKey(name)) {
                throw new ChallengeParseException("parameter '" + name + "' repeated in one challenge", pos);
            }
            params.put(name, value);
            int save = pos;
            skipSpace();
            if (pos >= s.length() || s.charAt(pos) != ',') {
                pos = save;
                return params;
            }
            skipCommasAndSpace();
            if (pos >= s.length() || !startsAuthParam(pos)) {
                pos = save;
                return params;
            }
        }
    }

    /** True when an auth-param ({@code token BWS "=" BWS (token / quoted-string)}) starts at {@code at}. */
    private boolean startsAuthParam(int at) {
        int p = at;
        while (p < s.length() && isTchar(s.charAt(p))) {
            p++;
        }
        if (p == at) {
            return false;
        }
        while (p < s.length() && isSpace(s.charAt(p))) {
            p++;
        }
        if (p >= s.length() || s.charAt(p) != '=') {
            return false;
        }
        p++;
        while (p < s.length() && isSpace(s.charAt(p))) {
            p++;
        }
        return p < s.length() && (s.charAt(p) == '"' || (isTchar(s.charAt(p)) && s.charAt(p) != '='));
    }

    private String token68() throws ChallengeParseException {
        int start = pos;
        while (pos < s.length() && (isAlnum(s.charAt(pos)) || TOKEN68_SYMBOLS.indexOf(s.charAt(pos)) >= 0)) {
            pos++;
        }
        if (pos == start) {
            throw new ChallengeParseException("expected a token68 or auth-params", pos);
        }
        while (pos < s.length() && s.charAt(pos) == '=') {
            pos++;
        }
        return s.substring(start, pos);
    }

    private String quotedString() throws ChallengeParseException {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                if (pos >= s.length()) {
                    break;
                }
                value.append(s.charAt(pos++));
            } else if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new ChallengeParseException("control character in a quoted string", pos - 1);
            } else {
                value.append(c);
            }
        }
        throw new ChallengeParseException("unterminated quoted string", start);
    }

    private String token() {
        int start = pos;
        while (pos < s.length() && isTchar(s.charAt(pos))) {
            pos++;
        }
        return s.substring(start, pos);
    }

    private void expect(char c) throws ChallengeParseException {
        if (pos >= s.length() || s.charAt(pos) != c) {
            throw new ChallengeParseException("expected '" + c + "'", pos);
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < s.length() && isSpace(s.charAt(pos))) {
            pos++;
        }
    }

    private void skipCommasAndSpace() {
        while (pos < s.length() && (isSpace(s.charAt(pos)) || s.charAt(pos) == ',')) {
            pos++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static boolean isTchar(char c) {
        return isAlnum(c) || TCHAR_SYMBOLS.indexOf(c) >= 0;
    }
}
