package dev.mcpworkbench.app.ui.tools.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The other shapes {@link BigResultServer}'s tool answers in, each about {@code bytes} long: a big
 * payload is not always an array of rows, and each shape takes another path through the views
 * (plain text, structured content beside its text, many blocks, base64 media, a decompression bomb).
 */
final class BigShapes {

    private static final String PROSE_LINE = "Line %d: le café ☕ coûte 3 € \\u2014 the quick brown fox jumps over the lazy dog.\\n";

    private BigShapes() {
    }

    static void write(OutputStream out, String id, String shape, long bytes) throws IOException {
        out.write(("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":").getBytes(StandardCharsets.UTF_8));
        switch (shape) {
            case "prose" -> {
                out.write(ascii("{\"content\":[{\"type\":\"text\",\"text\":\""));
                prose(out, 0, bytes);
                out.write(ascii("\"}]}"));
            }
            case "structured", "structured-distinct" -> {
                // what SDK servers send for a tool with an output schema: the JSON twice, as text and as
                // structure (the text escaped takes some 56 % of the bytes); "structured-distinct" gives each
                // half the bytes, so the text holds fewer rows than the structure: no mirror, read twice
                boolean same = shape.equals("structured");
                out.write(ascii("{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"rows\\\":"));
                int rows = BigResultServer.rows(out, same ? bytes * 56 / 100 : bytes / 2, true);
                out.write(ascii("}\"}],\"structuredContent\":{\"rows\":"));
                if (same) BigResultServer.rowsCounted(out, rows, false);
                else BigResultServer.rows(out, bytes / 2, false);
                out.write(ascii("}}"));
            }
            case "blocks" -> {
                out.write(ascii("{\"content\":["));
                long written = 0;
                for (int i = 0; written < bytes; i++) {
                    out.write(ascii((i == 0 ? "" : ",") + "{\"type\":\"text\",\"text\":\""));
                    written += prose(out, i * 10L, 1024) + 30;
                    out.write(ascii("\"}"));
                }
                out.write(ascii("]}"));
            }
            case "image" -> media(out, "image", "image/png", png(bytes * 3 / 4));
            case "image-bomb" -> media(out, "image", "image/png", bomb(20_000));
            case "audio" -> media(out, "audio", "audio/wav", wav(bytes * 3 / 4));
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        }
        out.write(ascii("}\n"));
        out.flush();
    }

    /** Lines of text with non-ASCII characters and escapes, from line {@code first}, about {@code bytes} long; returns the bytes written. */
    private static long prose(OutputStream out, long first, long bytes) throws IOException {
        long written = 0;
        for (long i = first; written < bytes; i++) {
            byte[] b = String.format(PROSE_LINE, i).getBytes(StandardCharsets.UTF_8);
            out.write(b);
            written += b.length;
        }
        return written;
    }

    private static void media(OutputStream out, String type, String mime, byte[] data) throws IOException {
        out.write(ascii("{\"content\":[{\"type\":\"" + type + "\",\"mimeType\":\"" + mime + "\",\"data\":\""));
        out.write(Base64.getEncoder().encode(data));
        out.write(ascii("\"}]}"));
    }

    /** An RGB PNG of noise, stored without compression, about {@code bytes} long. */
    private static byte[] png(long bytes) throws IOException {
        int side = (int) Math.sqrt(bytes / 3.0);
        byte[] row = new byte[1 + 3 * side];
        Random random = new Random(42);
        ByteArrayOutputStream idat = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 64, bytes + 1024));
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.NO_COMPRESSION), 1 << 16)) {
            for (int y = 0; y < side; y++) {
                random.nextBytes(row);
                row[0] = 0; // filter: none
                z.write(row);
            }
        }
        return png(side, side, 2, idat.toByteArray());
    }

    /** A grey PNG of {@code side} × {@code side} black pixels: a few hundred KB that decode to {@code side²} pixels. */
    private static byte[] bomb(int side) throws IOException {
        byte[] row = new byte[1 + side];
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            for (int y = 0; y < side; y++) z.write(row);
        }
        return png(side, side, 0, idat.toByteArray());
    }

    private static byte[] png(int width, int height, int colorType, byte[] idat) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.length + 64);
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, (byte) colorType, 0, 0, 0});
        chunk(png, "IHDR", header.toByteArray());
        chunk(png, "IDAT", idat);
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(png);
        d.writeInt(data.length);
        byte[] t = ascii(type);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    /** A 16-bit mono WAV of noise, about {@code bytes} long. */
    private static byte[] wav(long bytes) throws IOException {
        int samples = (int) Math.min(Integer.MAX_VALUE / 4, bytes / 2);
        ByteArrayOutputStream wav = new ByteArrayOutputStream(samples * 2 + 44);
        DataOutputStream d = new DataOutputStream(wav);
        d.write(ascii("RIFF"));
        d.writeInt(Integer.reverseBytes(36 + samples * 2));
        d.write(ascii("WAVEfmt "));
        d.writeInt(Integer.reverseBytes(16));
        d.writeShort(Short.reverseBytes((short) 1)); // PCM
        d.writeShort(Short.reverseBytes((short) 1)); // mono
        d.writeInt(Integer.reverseBytes(44_100));
        d.writeInt(Integer.reverseBytes(88_200));
        d.writeShort(Short.reverseBytes((short) 2));
        d.writeShort(Short.reverseBytes((short) 16));
        d.write(ascii("data"));
        d.writeInt(Integer.reverseBytes(samples * 2));
        byte[] noise = new byte[samples * 2];
        new Random(7).nextBytes(noise);
        d.write(noise);
        return wav.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
