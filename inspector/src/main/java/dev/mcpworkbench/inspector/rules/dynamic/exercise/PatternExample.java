package dev.mcpworkbench.inspector.rules.dynamic.exercise;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Produces a short string that satisfies a JSON Schema {@code pattern}, so that generated
 * arguments reach the tool instead of bouncing off its input validation.
 *
 * <p>It walks the regex and takes the first alternative of every choice and the minimum of every
 * quantifier; an unbounded quantifier may be stretched to reach a {@code minLength}. Lookarounds,
 * backreferences and other constructs it cannot construct text for are skipped, and every result
 * is checked against the real pattern (JSON Schema patterns are unanchored, hence {@code find}),
 * so an answer is either a real match or empty.
 */
final class PatternExample {

    /** Bounded repetition keeps a hostile {@code a{100000000}} from allocating gigabytes. */
    private static final int MAX_LENGTH = 4096;

    private final String regex;
    /** The second attempt takes the last member of each class, for patterns with lookaheads such as "a digit somewhere". */
    private final boolean lastOfClass;
    private int pos;
    private int stretch;
    private boolean stretched;

    private PatternExample(String regex, int stretch, boolean lastOfClass) {
        this.regex = regex;
        this.stretch = stretch;
        this.lastOfClass = lastOfClass;
    }

    /**
     * @param minLength the schema's minLength (0 when absent)
     * @param maxLength the schema's maxLength ({@link Integer#MAX_VALUE} when absent)
     */
    static Optional<String> of(String regex, int minLength, int maxLength) {
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
        for (boolean lastOfClass : new boolean[] {false, true}) {
            Optional<String> found = attempt(compiled, minLength, maxLength, lastOfClass);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    private static Optional<String> attempt(Pattern compiled, int minLength, int maxLength, boolean lastOfClass) {
        String regex = compiled.pattern();
        try {
            String shortest = new PatternExample(regex, 0, lastOfClass).whole();
            String candidate = shortest.length() >= minLength ? shortest
                    : new PatternExample(regex, minLength - shortest.length(), lastOfClass).whole();
            boolean fits = candidate.length() >= minLength && candidate.length() <= maxLength;
            return fits && compiled.matcher(candidate).find() ? Optional.of(candidate) : Optional.empty();
        } catch (RuntimeException unsupported) {
            return Optional.empty();
        }
    }

    /** True when the value matches the (unanchored) pattern; false for an invalid pattern too. */
    static boolean matches(String regex, String value) {
        try {
            return Pattern.compile(regex).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private String whole() {
        String text = alternatives();
        if (pos != regex.length()) throw new IllegalStateException("unbalanced ')'");
        return text;
    }

    private String sequence() {
        StringBuilder out = new StringBuilder();
        while (pos < regex.length() && regex.charAt(pos) != ')' && regex.charAt(pos) != '|') {
            int start = out.length();
            String atom = atom();
            out.append(atom);
            applyQuantifier(out, start, atom);
            if (out.length() > MAX_LENGTH) throw new IllegalStateException("example too long");
        }
        return out.toString();
    }

    /** Takes the first alternative of a group and skips the rest. */
    private String alternatives() {
        String first = sequence();
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            sequence();
        }
        return first;
    }

    private String atom() {
        char c = regex.charAt(pos++);
        return switch (c) {
            case '^', '$' -> "";
            case '.' -> "a";
            case '[' -> String.valueOf(characterClass());
            case '(' -> group();
            case '\\' -> escape(false);
            default -> String.valueOf(c);
        };
    }

    private String group() {
        boolean lookaround = false;
        if (regex.startsWith("?:", pos)) pos += 2;
        else if (regex.startsWith("?=", pos) || regex.startsWith("?!", pos)) { pos += 2; lookaround = true; }
        else if (regex.startsWith("?<=", pos) || regex.startsWith("?<!", pos)) { pos += 3; lookaround = true; }
        else if (regex.startsWith("?<", pos)) pos = regex.indexOf('>', pos) + 1;
        String inner = alternatives();
        expect(')');
        return lookaround ? "" : inner;
    }

    private String escape(boolean inClass) {
        char c = regex.charAt(pos++);
        return switch (c) {
            case 'd' -> "1";
            case 'w' -> "a";
            case 's' -> " ";
            case 'D', 'S' -> "a";
            case 'W' -> "-";
            case 'b', 'B', 'A', 'z', 'Z' -> {
                if (inClass) throw new IllegalStateException("unsupported escape in class");
                yield "";
            }
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'x' -> { pos += 2; yield String.valueOf((char) Integer.parseInt(regex.substring(pos - 2, pos), 16)); }
            case 'u' -> { pos += 4; yield String.valueOf((char) Integer.parseInt(regex.substring(pos - 4, pos), 16)); }
            case 'p', 'P' -> { pos = regex.indexOf('}', pos) + 1; yield c == 'p' ? "a" : "1"; }
            default -> {
                if (Character.isDigit(c)) throw new IllegalStateException("backreference");
                yield String.valueOf(c);
            }
        };
    }

    /** The first character the class admits; for a negated class, the first printable one it does not exclude. */
    private char characterClass() {
        boolean negated = pos < regex.length() && regex.charAt(pos) == '^';
        if (negated) pos++;
        StringBuilder members = new StringBuilder();
        char first = 0;
        boolean any = false;
        boolean leading = true;
        while (pos < regex.length() && (regex.charAt(pos) != ']' || leading)) {
            leading = false;
            char from = classChar();
            char to = from;
            if (regex.charAt(pos) == '-' && pos + 1 < regex.length() && regex.charAt(pos + 1) != ']') {
                pos++;
                to = classChar();
            }
            for (char x = from; x <= to && members.length() < 512; x++) members.append(x);
            if (!any) { first = from; any = true; }
        }
        expect(']');
        if (!negated) {
            if (!any) throw new IllegalStateException("empty class");
            return lastOfClass ? members.charAt(members.length() - 1) : first;
        }
        for (char x : "aA0_-.xyz".toCharArray()) if (members.indexOf(String.valueOf(x)) < 0) return x;
        for (char x = '!'; x <= '~'; x++) if (members.indexOf(String.valueOf(x)) < 0) return x;
        throw new IllegalStateException("negated class excludes all printable characters");
    }

    private char classChar() {
        char c = regex.charAt(pos++);
        if (c != '\\') return c;
        String e = escape(true);
        if (e.length() != 1) throw new IllegalStateException("unsupported class member");
        return e.charAt(0);
    }

    private void applyQuantifier(StringBuilder out, int start, String atom) {
        if (pos >= regex.length()) return;
        char q = regex.charAt(pos);
        int min;
        boolean unbounded;
        if (q == '?' || q == '*') { pos++; min = 0; unbounded = q == '*'; }
        else if (q == '+') { pos++; min = 1; unbounded = true; }
        else if (q == '{' && regex.indexOf('}', pos) > pos) {
            String[] bounds = regex.substring(pos + 1, regex.indexOf('}', pos)).split(",", -1);
            pos = regex.indexOf('}', pos) + 1;
            min = Integer.parseInt(bounds[0].trim());
            unbounded = bounds.length > 1 && bounds[1].isBlank();
            int max = bounds.length > 1 && !unbounded ? Integer.parseInt(bounds[1].trim()) : min;
            if (!unbounded && stretch > 0 && !stretched && max > min && !atom.isEmpty()) {
                int extra = Math.min(max - min, (stretch + atom.length() - 1) / atom.length());
                min += extra;
                stretched = true;
            }
        } else return;
        if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) pos++; // lazy or possessive
        if (unbounded && stretch > 0 && !stretched && !atom.isEmpty()) {
            min += (stretch + atom.length() - 1) / atom.length();
            stretched = true;
        }
        if ((long) min * atom.length() > MAX_LENGTH) throw new IllegalStateException("example too long");
        out.setLength(start);
        out.append(atom.repeat(min));
    }

    private void expect(char c) {
        if (pos >= regex.length() || regex.charAt(pos) != c) throw new IllegalStateException("expected " + c);
        pos++;
    }
}
