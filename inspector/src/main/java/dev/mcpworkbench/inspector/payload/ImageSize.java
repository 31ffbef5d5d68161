package dev.mcpworkbench.inspector.payload;

import java.util.Optional;

/**
 * The pixel size an image declares in its first bytes (PNG, GIF, BMP, JPEG, WebP), read before
 * decoding it: a server can send a few hundred kilobytes of PNG that declare 20,000 × 20,000
 * pixels, which decode to 1.6 GB. Whoever shows an image asks here first and refuses what is over
 * its budget ({@link #fits}).
 */
public record ImageSize(int width, int height) {

    /** Pixels a view may decode: 24 megapixels (a 6,000 × 4,000 photo) are 96 MB once decoded. */
    public static final long PIXEL_BUDGET = 24_000_000L;

    /** Enough of the file to find a JPEG's frame header behind its metadata segments in most files. */
    public static final int HEAD_BYTES = 64 * 1024;

    public long pixels() {
        return (long) width * height;
    }

    /** The bytes it takes decoded, four per pixel. */
    public long decodedBytes() {
        return pixels() * 4;
    }

    public boolean fits() {
        return width > 0 && height > 0 && pixels() <= PIXEL_BUDGET;
    }

    /** The size the first bytes of an image file declare, or empty when they are not one of the formats read here or are cut too short. */
    public static Optional<ImageSize> of(byte[] head) {
        return Optional.ofNullable(read(head));
    }

    private static ImageSize read(byte[] b) {
        return switch (MediaSniffer.detect(b)) {
            case "png" -> b.length >= 24 && b[12] == 'I' && b[13] == 'H' ? new ImageSize(be32(b, 16), be32(b, 20)) : null;
            case "gif" -> b.length >= 10 ? new ImageSize(le16(b, 6), le16(b, 8)) : null;
            case "bmp" -> b.length >= 26 ? new ImageSize(Math.abs(le32(b, 18)), Math.abs(le32(b, 22))) : null;
            case "jpeg" -> jpeg(b);
            case "webp" -> b.length >= 30 ? webp(b) : null;
            default -> null;
        };
    }

    /** Walks the segments to the first start-of-frame marker, which holds the height and width. */
    private static ImageSize jpeg(byte[] b) {
        int i = 2;
        // a frame header's width ends at i + 8, the last byte read here
        while (i + 8 < b.length) {
            if (u8(b, i) != 0xFF) return null;
            int marker = u8(b, i + 1);
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) return new ImageSize(be16(b, i + 7), be16(b, i + 5));
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                i += 2; // markers without a length
                continue;
            }
            i += 2 + be16(b, i + 2);
        }
        return null;
    }

    private static ImageSize webp(byte[] b) {
        if (b[12] == 'V' && b[13] == 'P' && b[14] == '8' && b[15] == ' ') return new ImageSize(le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
        if (b[12] == 'V' && b[13] == 'P' && b[14] == '8' && b[15] == 'L') {
            int bits = le32(b, 21);
            return new ImageSize((bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
        }
        if (b[12] == 'V' && b[13] == 'P' && b[14] == '8' && b[15] == 'X') return new ImageSize(le24(b, 24) + 1, le24(b, 27) + 1);
        return null;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int be16(byte[] b, int i) {
        return u8(b, i) << 8 | u8(b, i + 1);
    }

    private static int be32(byte[] b, int i) {
        return be16(b, i) << 16 | be16(b, i + 2);
    }

    private static int le16(byte[] b, int i) {
        return u8(b, i) | u8(b, i + 1) << 8;
    }

    private static int le24(byte[] b, int i) {
        return le16(b, i) | u8(b, i + 2) << 16;
    }

    private static int le32(byte[] b, int i) {
        return le16(b, i) | le16(b, i + 2) << 16;
    }
}
