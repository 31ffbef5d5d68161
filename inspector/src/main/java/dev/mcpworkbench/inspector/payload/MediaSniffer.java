package dev.mcpworkbench.inspector.payload;

import java.util.Base64;
import java.util.List;

/**
 * Checks base64 media against what it claims to be: valid base64, and magic bytes that match the
 * declared MIME type. Decodes only the first bytes, so a 100 MB image costs one character scan.
 */
final class MediaSniffer {

    private MediaSniffer() {
    }

    /** Returns the detected format ("png", "jpeg", ... or "unknown") and adds notes on mismatch. */
    static String check(CharSequence base64, String mime, BlockType type, List<String> notes) {
        int bad = firstInvalidBase64(base64);
        if (bad >= 0) {
            notes.add("The data is not valid base64 (unexpected character at position " + bad + "): shown as text.");
            return "invalid-base64";
        }
        byte[] head = decodeHead(base64);
        String format = detect(head);
        if (mime == null || mime.isEmpty()) {
            notes.add("No mimeType declared; the data looks like " + format + ".");
        } else if (type == BlockType.IMAGE && (format.equals("unknown") || !mime.toLowerCase().contains(format))) {
            notes.add("Declared " + mime + " but the data " + (format.equals("unknown")
                    ? "is not a known image format (no PNG/JPEG/GIF/WebP/BMP/SVG signature)" : "is " + format)
                    + ": not rendered.");
        } else if (type == BlockType.AUDIO && format.equals("unknown")) {
            notes.add("Declared " + mime + " but the data has no known audio signature: not played.");
        }
        return format;
    }

    static int firstInvalidBase64(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=' || c == '-' || c == '_' || c == '\n' || c == '\r';
            if (!ok) return i;
        }
        return -1;
    }

    /** The first bytes the data decodes to (64 characters of it, line breaks left out). */
    private static byte[] decodeHead(CharSequence base64) {
        StringBuilder head = new StringBuilder(64);
        for (int i = 0; i < base64.length() && head.length() < 64; i++) {
            char c = base64.charAt(i);
            if (c != '\n' && c != '\r') head.append(c == '-' ? '+' : c == '_' ? '/' : c);
        }
        head.setLength(head.length() - head.length() % 4);
        try {
            return Base64.getMimeDecoder().decode(head.toString());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    static String detect(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G')) return "png";
        if (starts(b, 0xFF, 0xD8, 0xFF)) return "jpeg";
        if (starts(b, 'G', 'I', 'F', '8')) return "gif";
        if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return "webp";
        if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'A' && b[10] == 'V') return "wav";
        if (starts(b, 'B', 'M')) return "bmp";
        if (starts(b, 'I', 'D', '3') || starts(b, 0xFF, 0xFB)) return "mpeg";
        if (starts(b, 'O', 'g', 'g', 'S')) return "ogg";
        if (starts(b, 'f', 'L', 'a', 'C')) return "flac";
        if (starts(b, '<', 's', 'v', 'g') || starts(b, '<', '?', 'x', 'm', 'l')) return "svg";
        return "unknown";
    }

    private static boolean starts(byte[] b, int... sig) {
        if (b.length < sig.length) return false;
        for (int i = 0; i < sig.length; i++) if ((b[i] & 0xFF) != sig[i]) return false;
        return true;
    }
}
