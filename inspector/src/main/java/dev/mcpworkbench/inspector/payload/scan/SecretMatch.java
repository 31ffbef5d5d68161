package dev.mcpworkbench.inspector.payload.scan;

/**
 * One sensitive value found in a string: its kind, where it is in that string, and the value
 * masked for display. The clear value is never kept, so it cannot leak into reports or logs.
 */
public record SecretMatch(SecretKind kind, int start, int end, String masked) {

    public static SecretMatch of(SecretKind kind, CharSequence text, int start, int end) {
        return new SecretMatch(kind, start, end, Masking.mask(text.subSequence(start, end).toString()));
    }
}
