package dev.mcpworkbench.inspector.payload.scan;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in text (OUTPUT-005): email addresses, E.164 phone numbers, US SSNs, card
 * numbers that pass the Luhn check and IBANs that pass ISO 13616 mod 97. The checksums keep
 * order ids and timestamps from being reported as cards or bank accounts.
 */
public final class PersonalDataScanner {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}(?![A-Za-z0-9])");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+[1-9]\\d{7,14}(?!\\d)");
    private static final Pattern SSN = Pattern.compile("(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\d-])");
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])(?:\\d[ -]?){12,18}\\d(?![\\d-])");
    private static final Pattern IBAN = Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])");

    private static final int MAX_SCANNED_CHARS = 8 * 1024 * 1024;

    /**
     * Every personal-data match in {@code text}; huge strings are scanned up to 8M chars. A text
     * that cannot hold any (no '@', no '+', no run of nine digits: most strings of a result) costs
     * one pass over it and no allocation.
     */
    public List<SecretMatch> scan(CharSequence text) {
        CharSequence t = text.length() > MAX_SCANNED_CHARS ? text.subSequence(0, MAX_SCANNED_CHARS) : text;
        boolean at = contains(t, '@');
        boolean plus = contains(t, '+');
        boolean digits = hasDigitRun(t, 9);
        if (!at && !plus && !digits) return List.of();
        List<SecretMatch> out = new ArrayList<>();
        if (at) collect(EMAIL, SecretKind.EMAIL, t, out);
        if (plus) collect(PHONE, SecretKind.PHONE, t, out);
        if (digits) {
            collect(SSN, SecretKind.SSN, t, out);
            collectChecked(CARD, SecretKind.CARD_NUMBER, t, out);
            collectChecked(IBAN, SecretKind.IBAN, t, out);
        }
        out.sort((x, y) -> Integer.compare(x.start(), y.start()));
        return out;
    }

    private static boolean contains(CharSequence t, char c) {
        if (t instanceof String s) return s.indexOf(c) >= 0;
        for (int i = 0, n = t.length(); i < n; i++) {
            if (t.charAt(i) == c) return true;
        }
        return false;
    }

    private static void collect(Pattern p, SecretKind kind, CharSequence t, List<SecretMatch> out) {
        Matcher m = p.matcher(t);
        while (m.find()) out.add(SecretMatch.of(kind, t, m.start(), m.end()));
    }

    private static void collectChecked(Pattern p, SecretKind kind, CharSequence t, List<SecretMatch> out) {
        Matcher m = p.matcher(t);
        while (m.find()) {
            String v = m.group();
            boolean valid = kind == SecretKind.IBAN ? ibanValid(v) : luhnValid(v);
            if (valid && !overlaps(out, m.start(), m.end())) out.add(SecretMatch.of(kind, t, m.start(), m.end()));
        }
    }

    /** True when at least {@code n} digits appear with only spaces or dashes between them. */
    private static boolean hasDigitRun(CharSequence t, int n) {
        int run = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= n) return true;
            } else if (c != ' ' && c != '-') {
                run = 0;
            }
        }
        return false;
    }

    public static boolean luhnValid(String number) {
        String digits = number.replaceAll("[ -]", "");
        if (digits.length() < 13 || digits.length() > 19 || digits.chars().distinct().count() < 2) return false;
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    public static boolean ibanValid(String iban) {
        String s = iban.replace(" ", "");
        if (s.length() < 15 || s.length() > 34) return false;
        String rearranged = s.substring(4) + s.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            if (Character.isDigit(c)) numeric.append(c);
            else if (c >= 'A' && c <= 'Z') numeric.append(c - 'A' + 10);
            else return false;
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static boolean overlaps(List<SecretMatch> found, int start, int end) {
        for (SecretMatch m : found) {
            if (start < m.end() && m.start() < end) return true;
        }
        return false;
    }
}
