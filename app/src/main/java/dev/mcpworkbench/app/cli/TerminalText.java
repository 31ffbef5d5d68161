package dev.mcpworkbench.app.cli;

/**
 * What may reach the user's terminal from text the workbench did not write (a server's name,
 * stderr, error messages, tool names and outputs, an authorization server's error_description).
 * Control characters could move the cursor, erase the verdict line ({@code \r} + ESC[2K), set the
 * window title or smuggle hyperlinks (OSC); bidirectional overrides could reorder what is shown.
 * Each is shown as {@code \}{@code uXXXX} instead, which stays a valid escape inside JSON strings,
 * so JSON printed through it means the same. Newlines, tabs and {@code \r\n} pairs stay.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** True for a character that must not reach a terminal as is. */
    public static boolean unsafe(char c) {
        if (c < 0x20) return c != '\n' && c != '\t';
        if (c >= 0x7F && c <= 0x9F) return true; // DEL and the C1 controls (0x9B is a one-byte CSI)
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** How an unsafe character is shown. */
    public static String shown(char c) {
        return String.format("\\u%04X", (int) c);
    }

    /** {@code text} with every unsafe character shown (a lone {@code \r} too; {@code \r\n} stays). */
    public static String clean(String text) {
        if (text == null) return null;
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep = !unsafe(c) || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
            if (keep) {
                if (out != null) out.append(c);
            } else {
                if (out == null) out = new StringBuilder(text.length() + 16).append(text, 0, i);
                out.append(shown(c));
            }
        }
        return out == null ? text : out.toString();
    }
}
