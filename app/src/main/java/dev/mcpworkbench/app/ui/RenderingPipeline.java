package dev.mcpworkbench.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Chooses JavaFX's software renderer up front on a Linux machine without a GPU device.
 *
 * <p>JavaFX tries OpenGL (its es2 pipeline) first. With no GPU (a VM, a container, a remote or
 * virtual X server such as Xvfb), Mesa can only offer software OpenGL, which JavaFX refuses: it
 * falls back to its own software pipeline, but only after loading Mesa and its LLVM code
 * generator, some 45 to 60 MB of resident memory for the rest of the session and part of a second
 * at start-up. Asking for the software pipeline when {@code /dev/dri} has no device renders
 * exactly what the fallback renders, without that cost. A user who sets {@code prism.order}
 * (e.g. {@code JDK_JAVA_OPTIONS=-Dprism.order=es2}) keeps their choice.
 */
final class RenderingPipeline {

    private static final String ORDER = "prism.order";

    private RenderingPipeline() {
    }

    static void chooseBeforeStart() {
        if (System.getProperty(ORDER) != null) return;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux") && !hasGpuDevice(Path.of("/dev/dri"))) System.setProperty(ORDER, "sw");
    }

    /** Whether a DRM device (card0, renderD128...) is there: Mesa's hardware drivers need one. */
    static boolean hasGpuDevice(Path dri) {
        try (var entries = Files.list(dri)) {
            return entries.anyMatch(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("card") || name.startsWith("renderD");
            });
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }
}
