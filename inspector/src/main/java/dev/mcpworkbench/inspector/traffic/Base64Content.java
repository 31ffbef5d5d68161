package dev.mcpworkbench.inspector.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.Base64;

/**
 * The bytes of a base64 string value (an image's or audio's {@code data}, a resource's
 * {@code blob}) read as a stream: a 100 MB image arrives as a {@link LongTextNode}, and decoding it
 * through a String took a 100 MB String and a 75 MB array before the image decoder saw a byte.
 * Accepts the standard and URL-safe alphabets, with or without line breaks.
 */
public final class Base64Content {

    private Base64Content() {
    }

    /** The decoded bytes; reading throws an IOException at the first character that is not base64. */
    public static InputStream decoded(JsonNode data) {
        return Base64.getMimeDecoder().wrap(new AsciiStream(chars(data)));
    }

    /** At most the first {@code max} decoded bytes (fewer when the data is shorter), decoding only those. */
    public static byte[] head(JsonNode data, int max) throws IOException {
        try (InputStream in = decoded(data)) {
            return in.readNBytes(max);
        }
    }

    private static Reader chars(JsonNode data) {
        if (data instanceof LongTextNode text) return text.reader();
        return new StringReader(data == null || !data.isTextual() ? "" : data.textValue());
    }

    /** A reader's characters as bytes for the MIME decoder, which drops what is not in its alphabet: the URL-safe letters are mapped, anything else past ASCII fails. */
    private static final class AsciiStream extends InputStream {
        private final Reader in;
        private final char[] chars = new char[8192];

        AsciiStream(Reader in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            int n = in.read(chars, 0, Math.min(len, chars.length));
            if (n < 0) return -1;
            for (int i = 0; i < n; i++) {
                char c = chars[i];
                if (c >= 128) throw new IOException("not base64: the character U+" + String.format("%04X", (int) c));
                b[off + i] = (byte) (c == '-' ? '+' : c == '_' ? '/' : c);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
