package dev.mcpworkbench.app.ui.requests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.ui.common.Fx;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

/** A server's sampling request is shown bounded: a hostile one cannot put megabytes into the dialog's controls. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SamplingDialogTest {

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.init();
    }

    @Test
    void aHugeSystemPromptAndPreferencesAreShownAsPreviews() throws Exception {
        ObjectNode request = SnapshotJson.MAPPER.createObjectNode();
        request.put("systemPrompt", "You are helpful. ".repeat(120_000)); // 2 M characters
        request.putObject("modelPreferences").putArray("hints").addObject().put("name", "m".repeat(1_000_000));
        request.putArray("messages").addObject().put("role", "user").putObject("content").put("type", "text").put("text", "Hi");
        request.put("maxTokens", 100);
        SamplingDialog dialog = Fx.call(() -> new SamplingDialog(null, "hostile", request));
        Node content = dialog.getDialogPane().getContent();
        // text previews come a frame after the rest (NextFrame): lay the content out in a shown window
        org.testfx.api.FxToolkit.setupStage(stage -> {
            stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(content), 800, 600));
            stage.show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> content.lookup(".block-text") != null));
        String prompt = Fx.call(() -> ((TextArea) content.lookup(".block-text")).getText());
        assertThat(prompt).startsWith("You are helpful.").hasSizeLessThanOrEqualTo(4096);
        String params = Fx.call(() -> content.lookupAll(".label").stream().map(n -> ((Label) n).getText())
                .filter(t -> t.startsWith("maxTokens")).findFirst().orElseThrow());
        assertThat(params).contains("preferences {\"hints\":[{\"name\":\"mmm").hasSizeLessThan(600);
    }
}
