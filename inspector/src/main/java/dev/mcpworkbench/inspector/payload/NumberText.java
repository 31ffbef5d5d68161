package dev.mcpworkbench.inspector.payload;

/**
 * Numbers as the payload viewer's columns show them, without {@link java.util.Formatter}: its
 * first use parses format strings with regexes, and on a cold JVM that alone stalled the FX thread
 * for tens of milliseconds when the first rows of a payload appeared.
 */
public final class NumberText {

    private NumberText() {
    }

    /** One decimal, rounded half up: {@code 12.34 → "12.3"}, {@code 9.96 → "10.0"}. Non-negative values. */
    public static String oneDecimal(double value) {
        long tenths = Math.round(value * 10);
        return tenths / 10 + "." + tenths % 10;
    }

    /** Thousands separated by commas: {@code 1234567 → "1,234,567"}. */
    public static String grouped(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (value < 0) b.append('-');
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        b.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) b.append(',').append(digits, i, i + 3);
        return b.toString();
    }
}
