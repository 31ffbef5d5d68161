package dev.mcpworkbench.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A plain TextArea caches its viewport as an image; this one, once laid out, does not. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UncachedTextAreaTest {

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.init();
    }

    @Test
    void theViewportIsNotCachedOnceShown() throws Exception {
        VBox root = Fx.call(VBox::new);
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(root, 400, 300));
            stage.show();
        });
        TextArea plain = Fx.call(() -> new TextArea("a text\nof two lines"));
        TextArea uncached = Fx.call(() -> new UncachedTextArea("a text\nof two lines"));
        Fx.run(() -> root.getChildren().addAll(plain, uncached));
        WaitForAsyncUtils.waitForFxEvents();
        Fx.call(() -> Frames.afterPulses(2)).await(5, TimeUnit.SECONDS);
        List<Node> plainViewports = Fx.call(() -> List.copyOf(plain.lookupAll(".viewport")));
        List<Node> viewports = Fx.call(() -> List.copyOf(uncached.lookupAll(".viewport")));
        assertThat(plainViewports).as("JavaFX's own text area").isNotEmpty().allMatch(Node::isCache);
        assertThat(viewports).isNotEmpty().noneMatch(Node::isCache);
        assertThat(Fx.call(() -> uncached.getText())).isEqualTo("a text\nof two lines");
    }
}
