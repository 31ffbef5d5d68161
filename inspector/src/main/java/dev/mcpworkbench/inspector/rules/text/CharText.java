package dev.mcpworkbench.inspector.rules.text;

import java.util.Arrays;

/**
 * Text in char arrays, for the loops that read every character of a scan. A {@code CharText} is a
 * growable text that {@link Tokens} reads in place: JSON written here is counted without first
 * becoming a string, and strings are copied in bulk, then checked for characters to escape in one
 * branch-free loop. {@link #scratch} lends a thread's array to read a string from.
 */
final class CharText {

    private char[] chars;
    private int length;

    // Scratch arrays are reused up to this size; a longer text gets one of its own.
    private static final int MAX_KEPT_SCRATCH = 1 << 20;
    private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[4_096]);

    /**
     * The characters of {@code text} in the calling thread's scratch array (its first {@code
     * text.length()} entries), valid until the thread's next call. Loops over every string of a
     * scan read an array faster than they call {@code String.charAt}, which checks its bounds and
     * encoding each time.
     */
    static char[] scratch(String text) {
        int n = text.length();
        if (n > MAX_KEPT_SCRATCH) return text.toCharArray();
        char[] chars = SCRATCH.get();
        if (chars.length < n) {
            chars = new char[Math.max(n, Math.min(MAX_KEPT_SCRATCH, chars.length * 2))];
            SCRATCH.set(chars);
        }
        text.getChars(0, n, chars, 0);
        return chars;
    }

    CharText(int capacity) {
        chars = new char[capacity];
    }

    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    int capacity() {
        return chars.length;
    }

    void setLength(int length) {
        this.length = length;
    }

    void append(char c) {
        if (length == chars.length) grow(1);
        chars[length++] = c;
    }

    void append(String s) {
        int n = s.length();
        if (length + n > chars.length) grow(n);
        s.getChars(0, n, chars, length);
        length += n;
    }

    /**
     * True when {@code chars[from, to)} holds a character a JSON string must escape (a control
     * character, a quote, a backslash) or a surrogate, which may be a lone one. Branch-free, so the
     * whole run is checked at the speed of a copy.
     */
    boolean needsEscaping(int from, int to) {
        int any = 0;
        for (int i = from; i < to; i++) {
            int c = chars[i];
            any |= (c - 0x20) | ((c ^ '"') - 1) | ((c ^ '\\') - 1) | (((c & 0xF800) ^ 0xD800) - 1);
        }
        return any < 0;
    }

    private void grow(int more) {
        chars = Arrays.copyOf(chars, Math.max(length + more, chars.length * 2));
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
