package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The size an image declares, read from its first bytes as real encoders write them. */
class ImageSizeTest {

    private static byte[] encode(String format, int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR), format, out)).isTrue();
        return out.toByteArray();
    }

    @Test
    void pngGifBmpAndJpegAsTheJdkWritesThem() throws Exception {
        for (String format : new String[] {"png", "gif", "bmp", "jpeg"}) {
            assertThat(ImageSize.of(encode(format, 123, 45))).as(format).contains(new ImageSize(123, 45));
        }
    }

    @Test
    void aJpegFrameHeaderBehindLongMetadataIsFound() throws Exception {
        byte[] jpeg = encode("jpeg", 640, 480);
        // an APP1 segment of 30,000 bytes (EXIF-sized) between the start marker and the rest
        byte[] app = new byte[4 + 30_000];
        app[0] = (byte) 0xFF;
        app[1] = (byte) 0xE1;
        app[2] = (byte) ((30_002 >> 8) & 0xFF);
        app[3] = (byte) (30_002 & 0xFF);
        byte[] withExif = new byte[jpeg.length + app.length];
        System.arraycopy(jpeg, 0, withExif, 0, 2);
        System.arraycopy(app, 0, withExif, 2, app.length);
        System.arraycopy(jpeg, 2, withExif, 2 + app.length, jpeg.length - 2);
        assertThat(ImageSize.of(withExif)).contains(new ImageSize(640, 480));
    }

    @Test
    void aJpegHeadEndingRightAfterTheFrameSizeIsRead() throws Exception {
        byte[] jpeg = encode("jpeg", 640, 480);
        int frame = 2;
        while (!((jpeg[frame] & 0xFF) == 0xFF && (jpeg[frame + 1] & 0xFF) == 0xC0)) frame++;
        // marker (2), length (2), precision (1), height (2), width (2): the head's last byte is the width's
        assertThat(ImageSize.of(Arrays.copyOf(jpeg, frame + 9))).contains(new ImageSize(640, 480));
        assertThat(ImageSize.of(Arrays.copyOf(jpeg, frame + 8))).isEmpty();
    }

    @Test
    void webpHeadersOfTheThreeKinds() {
        byte[] lossy = webp("VP8 ");
        lossy[26] = (byte) 0x20; // 800 wide
        lossy[27] = 0x03;
        lossy[28] = (byte) 0x58; // 600 high
        lossy[29] = 0x02;
        assertThat(ImageSize.of(lossy)).contains(new ImageSize(800, 600));
        byte[] lossless = webp("VP8L");
        int bits = (100 - 1) | (50 - 1) << 14;
        for (int i = 0; i < 4; i++) lossless[21 + i] = (byte) (bits >>> (8 * i));
        assertThat(ImageSize.of(lossless)).contains(new ImageSize(100, 50));
        byte[] extended = webp("VP8X");
        extended[24] = (byte) 0x1F; // 20,000 - 1 = 0x4E1F
        extended[25] = 0x4E;
        extended[27] = (byte) 0x1F;
        extended[28] = 0x4E;
        assertThat(ImageSize.of(extended)).contains(new ImageSize(20_000, 20_000));
    }

    private static byte[] webp(String chunk) {
        byte[] b = new byte[40];
        System.arraycopy("RIFF".getBytes(), 0, b, 0, 4);
        System.arraycopy("WEBP".getBytes(), 0, b, 8, 4);
        System.arraycopy(chunk.getBytes(), 0, b, 12, 4);
        return b;
    }

    @Test
    void aBombIsOverTheBudgetAndAPhotoIsNot() {
        ImageSize bomb = new ImageSize(20_000, 20_000);
        assertThat(bomb.fits()).isFalse();
        assertThat(bomb.decodedBytes()).isEqualTo(1_600_000_000L);
        assertThat(new ImageSize(6_000, 4_000).fits()).isTrue();
        assertThat(new ImageSize(-1, 10).fits()).isFalse(); // a PNG width past 2^31 reads negative
        assertThat(new ImageSize(0, 10).fits()).isFalse();
    }

    @Test
    void headsThatAreCutOrUnknownGiveNothing() throws Exception {
        byte[] png = encode("png", 10, 10);
        assertThat(ImageSize.of(Arrays.copyOf(png, 20))).isEmpty();
        assertThat(ImageSize.of("just some text, not an image".getBytes())).isEmpty();
        assertThat(ImageSize.of(new byte[0])).isEmpty();
        byte[] jpeg = encode("jpeg", 10, 10);
        assertThat(ImageSize.of(Arrays.copyOf(jpeg, 6))).isEmpty();
    }
}
