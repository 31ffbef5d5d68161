package dev.mcpworkbench.inspector.report;

import java.util.Locale;

/**
 * The one escaper for untrusted text in a Markdown report. CommonMark ends a line at LF, CR and
 * CRLF, so a bare CR in a tool name or in evidence starts a new block (a heading, an image, a
 * link, a closing fence) unless every line ending is handled; GitHub renders a subset of HTML.
 * Three places, three functions:
 * <ul>
 *   <li>{@link #inline}: running text. Line endings become spaces, control characters are named
 *       ({@code <U+001B>}), Markdown punctuation is backslash-escaped, HTML is entity-escaped.</li>
 *   <li>{@link #code}: a code span. Line endings become spaces, control characters are named,
 *       backticks become quotes (a code span cannot contain its delimiter safely).</li>
 *   <li>{@link #fenced}: a fenced block. Split at every line ending, every line indented,
 *       control characters named, the fence longer than any run of backticks inside.</li>
 * </ul>
 */
final class MarkdownText {

    private MarkdownText() {
    }

    static String inline(String text) {
        if (text == null) return "";
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isLineBreak(c)) {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                b.append(' ');
                continue;
            }
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~' -> b.append('\\').append(c);
                // a list item or a setext underline only where a line starts
                case '-', '+', '=' -> b.append(b.isEmpty() ? "\\" : "").append(c);
                default -> {
                    if (isControl(c)) b.append(String.format(Locale.ROOT, "&lt;U+%04X&gt;", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    static String code(String text) {
        if (text == null) return "``";
        StringBuilder b = new StringBuilder(text.length() + 2).append('`');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isLineBreak(c)) {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                b.append(' ');
            } else if (c == '`') {
                b.append('\'');
            } else {
                appendVisible(b, c);
            }
        }
        // a span that starts or ends with a space loses one; a lone space stays as is
        return b.append('`').toString();
    }

    static String fenced(String text, String indent) {
        int longest = 2;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        StringBuilder b = new StringBuilder(text.length() + 32);
        b.append(indent).append(fence).append("text\n").append(indent);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isLineBreak(c)) {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                b.append('\n').append(indent);
            } else {
                appendVisible(b, c);
            }
        }
        return b.append('\n').append(indent).append(fence).append('\n').toString();
    }

    /** CommonMark's line endings, and the ones other renderers (and editors) honour. */
    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean isControl(char c) {
        return c != '\t' && (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0));
    }

    private static void appendVisible(StringBuilder b, char c) {
        if (c == '\t') {
            b.append(c);
        } else if (isControl(c)) {
            b.append(String.format(Locale.ROOT, "<U+%04X>", (int) c));
        } else {
            b.append(c);
        }
    }
}
