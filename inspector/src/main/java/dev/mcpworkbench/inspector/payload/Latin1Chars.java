package dev.mcpworkbench.inspector.payload;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A range of a document's bytes read one char per byte (ISO-8859-1), without copying them: the
 * secret sweep's patterns are ASCII, and a String of the range was a copy of the whole document
 * per parse (about 100 MB for a 100 MB result). Pieces taken out of it ({@link #subSequence},
 * {@link #toString()}) are copied Strings.
 */
record Latin1Chars(byte[] data, int from, int length) implements CharSequence {

    Latin1Chars {
        Objects.checkFromIndexSize(from, length, data.length);
    }

    @Override
    public char charAt(int index) {
        Objects.checkIndex(index, length);
        return (char) (data[from + index] & 0xFF);
    }

    @Override
    public String subSequence(int start, int end) {
        Objects.checkFromToIndex(start, end, length);
        return new String(data, from + start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return subSequence(0, length);
    }
}
