package dev.mcpworkbench.inspector.traffic;

import java.nio.charset.StandardCharsets;

/**
 * The text of one captured message, kept once as the UTF-8 bytes that travelled. A 100 MB tool
 * result used to be held as the reader's buffer, a decoded String and copies of it; now the
 * transport hands its bytes here and everything else (the traffic table's preview, the detail,
 * the filter, the export) reads them: heads are decoded on demand, searches run over the bytes.
 *
 * <p>The array is shared, never copied: nobody may modify it.
 */
public final class RawMessage {

    public static final RawMessage EMPTY = new RawMessage(new byte[0]);

    private final byte[] utf8;
    /**
     * A String with a lone surrogate has no UTF-8 form (it would be written as '?'): such a text,
     * which only the workbench itself can produce, is kept as given so that exports still show it.
     */
    private final String unencodable;

    private RawMessage(byte[] utf8) {
        this(utf8, null);
    }

    private RawMessage(byte[] utf8, String unencodable) {
        this.utf8 = utf8;
        this.unencodable = unencodable;
    }

    /** Takes the array as it is (no copy): the caller hands it over and does not touch it again. */
    public static RawMessage ofUtf8(byte[] utf8) {
        return utf8 == null || utf8.length == 0 ? EMPTY : new RawMessage(utf8);
    }

    public static RawMessage of(String text) {
        if (text == null || text.isEmpty()) return EMPTY;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new RawMessage(bytes, hasLoneSurrogate(text) ? text : null);
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) i++;
            else if (Character.isSurrogate(c)) return true;
        }
        return false;
    }

    public int sizeBytes() {
        return utf8.length;
    }

    public boolean isEmpty() {
        return utf8.length == 0;
    }

    /** The bytes themselves, shared: read them, never write them. */
    public byte[] utf8() {
        return utf8;
    }

    /** The whole text, decoded now (not kept: a big message would be held twice). */
    public String text() {
        if (unencodable != null) return unencodable;
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** The text of at most the first {@code maxBytes} bytes, never cutting a character in two. */
    public String head(int maxBytes) {
        if (utf8.length <= maxBytes) return text();
        if (unencodable != null) return unencodable.substring(0, Math.min(unencodable.length(), Math.max(0, maxBytes)));
        int end = Math.max(0, maxBytes);
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) end--; // back to the first byte of a character
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }

    /** True when the text was cut by {@link #head(int)} at that size. */
    public boolean longerThan(int maxBytes) {
        return utf8.length > maxBytes;
    }

    /**
     * Case-insensitive search without decoding or lower-casing a copy. An ASCII query (what people
     * type into a filter) is matched byte by byte: UTF-8 never puts an ASCII byte inside another
     * character. Other queries decode the text once and compare as {@link String#regionMatches}.
     */
    public boolean containsIgnoreCase(String query) {
        if (query.isEmpty()) return true;
        if (!isAscii(query)) return containsIgnoreCase(text(), query);
        byte[] q = new byte[query.length()];
        for (int i = 0; i < q.length; i++) q[i] = (byte) lower(query.charAt(i));
        byte first = q[0];
        for (int i = 0, last = utf8.length - q.length; i <= last; i++) {
            if (lower(utf8[i]) != first) continue;
            int j = 1;
            while (j < q.length && lower(utf8[i + j]) == q[j]) j++;
            if (j == q.length) return true;
        }
        return false;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    @Override
    public String toString() {
        return head(200);
    }

    /** Case-insensitive search in a String without a lower-cased copy. */
    public static boolean containsIgnoreCase(String text, String query) {
        int n = query.length();
        for (int i = 0, last = text.length() - n; i <= last; i++) {
            if (text.regionMatches(true, i, query, 0, n)) return true;
        }
        return false;
    }
}
