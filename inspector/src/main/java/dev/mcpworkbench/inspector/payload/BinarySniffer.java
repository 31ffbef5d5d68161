package dev.mcpworkbench.inspector.payload;

/** Tells text from binary that a server sent as text: control and replacement characters. */
final class BinarySniffer {
    /** Only this many characters are looked at: a caller may pass just this head of a long text. */
    static final int SAMPLE = 64 * 1024;

    private BinarySniffer() {
    }

    static boolean looksBinary(CharSequence text) {
        return controlShare(text) >= 10;
    }

    /** Percentage of control (other than tab, CR, LF) or U+FFFD characters in the first 64K chars. */
    static int controlShare(CharSequence text) {
        int n = Math.min(text.length(), SAMPLE);
        if (n == 0) return 0;
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFD || (c >= 0x7F && c < 0xA0)) bad++;
        }
        return (int) Math.round(100.0 * bad / n);
    }
}
