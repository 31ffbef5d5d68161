package dev.mcpworkbench.inspector.payload.scan;

/** Masks sensitive values for display: a short recognizable prefix, the rest as asterisks. */
public final class Masking {
    private static final int MAX_STARS = 32;

    private Masking() {
    }

    /** {@code AKIAABCDEFGHIJKLMNOP} becomes {@code AKIA****************}. */
    public static String mask(String value) {
        int keep = Math.min(4, value.length() / 4);
        int hidden = value.length() - keep;
        String stars = "*".repeat(Math.min(hidden, MAX_STARS));
        String more = hidden > MAX_STARS ? "…(" + value.length() + " chars)" : "";
        return value.substring(0, keep) + stars + more;
    }

    /** Replaces every occurrence of each clear value in {@code text} by its mask. */
    public static String maskAll(String text, Iterable<String> clearValues) {
        String out = text;
        for (String v : clearValues) {
            if (!v.isEmpty()) out = out.replace(v, mask(v));
        }
        return out;
    }
}
