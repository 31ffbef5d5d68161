package dev.mcpworkbench.app.ui.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.ui.common.Fx;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Image blocks are decoded off the FX thread and only when the size they declare is within the
 * budget: a PNG of a few bytes that declares 20,000 × 20,000 pixels is refused with its size.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MediaBlockViewTest {

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.init();
    }

    private static String png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** A PNG header declaring {@code side} × {@code side} grey pixels, followed by no pixel data. */
    private static String bombHeader(int side) throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(side);
        h.writeInt(side);
        h.write(new byte[] {8, 0, 0, 0, 0});
        DataOutputStream d = new DataOutputStream(png);
        d.writeInt(13);
        d.writeBytes("IHDR");
        d.write(ihdr.toByteArray());
        CRC32 crc = new CRC32();
        crc.update("IHDR".getBytes());
        crc.update(ihdr.toByteArray());
        d.writeInt((int) crc.getValue());
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }

    @Test
    void aSmallImageIsShownABombAndAFakeAreNot() throws Exception {
        ObjectNode result = SnapshotJson.MAPPER.createObjectNode();
        ArrayNode content = result.putArray("content");
        content.addObject().put("type", "image").put("mimeType", "image/png").put("data", png(900, 300));
        content.addObject().put("type", "image").put("mimeType", "image/png").put("data", bombHeader(20_000));
        content.addObject().put("type", "image").put("mimeType", "image/png")
                .put("data", Base64.getEncoder().encodeToString("not an image at all".getBytes()));
        ToolResultPane pane = Fx.call(() -> new ToolResultPane(uri -> { }));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(pane, 1000, 700));
            stage.show();
        });
        Fx.run(() -> pane.show(result, Duration.ofMillis(5)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Fx.call(() -> pane.lookup(".image-view") != null
                && labels(pane).stream().anyMatch(t -> t.startsWith("Not shown: the image declares"))
                && labels(pane).stream().anyMatch(t -> t.startsWith("Not shown: the data is not a PNG"))));
        ImageView view = (ImageView) pane.lookup(".image-view");
        // decoded at the width it is shown at, not at its full 900 pixels
        assertThat(view.getImage().getWidth()).isEqualTo(ContentBlockView.IMAGE_WIDTH);
        assertThat(view.getImage().getHeight()).isEqualTo(160);
        assertThat(Fx.call(() -> labels(pane))).anyMatch(t -> t.contains("20,000 × 20,000 pixels, 1.5 GB once decoded"));
    }

    private static List<String> labels(javafx.scene.Node root) {
        return root.lookupAll(".label").stream().map(n -> ((Label) n).getText()).filter(t -> t != null).toList();
    }
}
