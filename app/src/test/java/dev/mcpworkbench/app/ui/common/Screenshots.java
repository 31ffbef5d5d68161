package dev.mcpworkbench.app.ui.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Writes a PNG of a scene when {@code -Dworkbench.screenshots=DIR} is given, so a person can look
 * at what a test saw; does nothing otherwise. Call on the FX thread.
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static void maybeSave(Scene scene, String name) {
        String dir = System.getProperty("workbench.screenshots", "");
        if (dir.isBlank()) return;
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) out.setRGB(x, y, pixels.getArgb(x, y));
        }
        try {
            Files.createDirectories(Path.of(dir));
            ImageIO.write(out, "png", Path.of(dir, name + ".png").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
