package dev.mcpworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The software renderer is asked for only where OpenGL could not be a GPU's, and never over the user's choice. */
class RenderingPipelineTest {

    @Test
    void aCardOrRenderNodeIsAGpuDeviceAndNothingElseIs(@TempDir Path dri) throws Exception {
        assertThat(RenderingPipeline.hasGpuDevice(dri.resolve("missing"))).isFalse();
        assertThat(RenderingPipeline.hasGpuDevice(dri)).isFalse();
        Files.createDirectory(dri.resolve("by-path"));
        assertThat(RenderingPipeline.hasGpuDevice(dri)).isFalse();
        Files.createFile(dri.resolve("renderD128"));
        assertThat(RenderingPipeline.hasGpuDevice(dri)).isTrue();
        Files.delete(dri.resolve("renderD128"));
        Files.createFile(dri.resolve("card0"));
        assertThat(RenderingPipeline.hasGpuDevice(dri)).isTrue();
    }

    @Test
    void aPipelineTheUserChoseIsKept() {
        String before = System.getProperty("prism.order");
        try {
            System.setProperty("prism.order", "es2");
            RenderingPipeline.chooseBeforeStart();
            assertThat(System.getProperty("prism.order")).isEqualTo("es2");
        } finally {
            if (before == null) System.clearProperty("prism.order");
            else System.setProperty("prism.order", before);
        }
    }
}
